import { spawnTs, testDatabase } from '@pasar/testkit';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../domain/password';
import type { AccountsDeps } from '../use-cases/ports';
import { registerCooperative } from '../use-cases/register-cooperative';
import { signIn } from '../use-cases/sign-in';
import { cooperativeBody } from '../testing/fakes';
import { runAdmin, UsageError } from './commands';
import { openOperatorDeps } from './operator-deps';

let db: Awaited<ReturnType<typeof testDatabase>>;
let deps: AccountsDeps;
let close: () => Promise<void>;
beforeAll(async () => {
  db = await testDatabase('membership-admin');
  process.env.MONGO_URL = db.url;
  ({ deps, close } = await openOperatorDeps('admin-test'));
  await registerCooperative(deps, cooperativeBody() as never);
});
afterAll(async () => {
  await close();
  await db.drop();
});

describe('admin create-pengurus', () => {
  it('creates the first ketua with a one-time reset code that sets the password', async () => {
    const out = await runAdmin(
      [
        'create-pengurus',
        '--cooperative',
        'karangbesuki',
        '--name',
        'Pak Suharto',
        '--phone',
        '0812-7000-0001',
        '--position',
        'ketua',
      ],
      deps,
    );
    const code = /reset code: (\S+)/.exec(out.join('\n'))?.[1];
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const ketua = await deps.people.findByPhone('+6281270000001');
    expect(ketua?.grants).toEqual([
      { cooperativeId: 'karangbesuki', roles: ['anggota', 'pengurus'], position: 'ketua' },
    ]);
    const raw = await db.conn.collection('people').findOne({ _id: ketua!.personId as never });
    expect(
      raw?.outbox.map((e: { envelope: { data: { action: string; actorId: string } } }) => [
        e.envelope.data.action,
        e.envelope.data.actorId,
      ]),
    ).toEqual([
      ['membership.role.assigned', 'operator'],
      ['membership.reset-code.issued', 'operator'],
    ]);
  });

  it('sets a given password in development and refuses --password in production', async () => {
    const args = [
      'create-pengurus',
      '--cooperative',
      'karangbesuki',
      '--name',
      'Bu Ratna',
      '--phone',
      '081270000002',
      '--position',
      'bendahara',
      '--password',
      'ratna-bendahara-2026',
    ];
    await runAdmin(args, deps, 'development');
    const res = await signIn(deps, {
      phone: '+6281270000002',
      password: 'ratna-bendahara-2026',
      address: 'test',
    });
    expect(res.person.grants[0]?.position).toBe('bendahara');
    await expect(runAdmin(args, deps, 'production')).rejects.toBeInstanceOf(UsageError);
  });

  it('names bad arguments and changes nothing', async () => {
    await expect(
      runAdmin(
        [
          'create-pengurus',
          '--cooperative',
          'karangbesuki',
          '--name',
          'X',
          '--phone',
          '123',
          '--position',
          'raja',
        ],
        deps,
      ),
    ).rejects.toThrow(/--name[\s\S]*--phone[\s\S]*--position/);
    await expect(
      runAdmin(
        [
          'create-pengurus',
          '--cooperative',
          'nowhere',
          '--name',
          'Pak A',
          '--phone',
          '081270000003',
          '--position',
          'ketua',
        ],
        deps,
      ),
    ).rejects.toThrow(/nowhere/);
    expect(await deps.people.findByPhone('+6281270000003')).toBeNull();
    await expect(runAdmin(['frobnicate'], deps)).rejects.toThrow(/unknown command/);
  });

  it('creates a dinas account', async () => {
    await runAdmin(
      [
        'create-dinas',
        '--name',
        'Dinas Koperasi',
        '--phone',
        '081270000009',
        '--password',
        'dinas-kota-2026',
      ],
      deps,
    );
    const p = await deps.people.findByPhone('+6281270000009');
    expect(p?.platform).toEqual(['dinas']);
    expect(await verifyPassword(p!.passwordHash!, 'dinas-kota-2026')).toBe(true);
  });

  it('runs as the pnpm command', async () => {
    const proc = spawnTs(
      join(import.meta.dirname, 'cli.ts'),
      { MONGO_URL: db.url, NODE_ENV: 'development' },
      undefined,
      ['create-dinas', '--name', 'Dinas Dua', '--phone', '081270000010'],
    );
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/one-time reset code: [0-9A-Z-]{14}/);
  });
});
