import { DEMO_SAVINGS_MOVEMENTS, DEMO_SAVINGS_SETTINGS } from '@pasar/demo-data';
import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOperatorDeps } from '../admin/operator-deps';
import { createSavingsStore } from '../savings/db/savings.store';
import type { SavingsDeps } from '../savings';
import { listArrears } from '../savings/use-cases/list-arrears';
import { getMySavings } from '../savings/use-cases/read-savings';
import { getSavingsSettings } from '../savings/use-cases/savings-settings';
import { seedDemo } from './seed-demo';
import { seedSavings } from './seed-savings';

let db: Awaited<ReturnType<typeof testDatabase>>;
let close: () => Promise<void>;
let deps: SavingsDeps;

beforeAll(async () => {
  db = await testDatabase('membership-seed-savings');
  process.env.MONGO_URL = db.url;
  const operator = await openOperatorDeps('seed-savings-test');
  close = operator.close;
  await seedDemo(operator.deps);
  const store = createSavingsStore(db.conn);
  await store.init();
  deps = {
    store: store.store,
    members: operator.deps.members,
    logger: operator.deps.logger,
    onEventsWritten: () => {},
  };
}, 120_000);
afterAll(async () => {
  await close?.();
  await db?.drop();
});

describe('seedSavings', () => {
  it('records the demo savings once, with their events in the outbox; a second run records nothing', async () => {
    const deposits = DEMO_SAVINGS_MOVEMENTS.length;
    expect(await seedSavings(deps)).toEqual({
      settings: { set: DEMO_SAVINGS_SETTINGS.length, kept: 0 },
      movements: { recorded: deposits, existing: 0, refused: 0 },
    });
    expect(await seedSavings(deps)).toEqual({
      settings: { set: 0, kept: DEMO_SAVINGS_SETTINGS.length },
      movements: { recorded: 0, existing: deposits, refused: 0 },
    });
    const outbox = (await db.conn.collection('savings_accounts').find().toArray()).flatMap(
      (d) => d.outbox ?? [],
    );
    // One savings event and one audit entry per movement.
    expect(outbox).toHaveLength(2 * deposits);
    expect((await getSavingsSettings(deps, 'dinoyo')).pokokAmount).toBe(50_000);
  });

  it('gives Bu Siti (the anggota demo account) savings to see, and the bendahara an arrears list', async () => {
    const siti = await getMySavings(deps, 'karangbesuki', 'per_kb_anggota', { limit: 20 });
    expect(siti.balances).toEqual({ pokok: 100_000, wajib: 30_000, sukarela: 200_000 });
    expect(siti.arrears.arrearsAmount).toBe(0);
    const list = await listArrears(deps, 'karangbesuki', { limit: 50, offset: 0 });
    const ids = list.items.map((r) => r.memberId);
    expect(ids).toContain('mbr_kb_yanti');
    expect(ids).not.toContain('mbr_kb_siti');
    expect(ids).not.toContain('mbr_kb_ketua');
  });
});
