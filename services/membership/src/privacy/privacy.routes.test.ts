import type { CooperativeGrant } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { protectNik } from '../domain/nik';
import { json } from '../testing/fakes';
import { registerMember } from '../use-cases/register-member';
import { memberRecord, pdpApp, TEST_NIK_KEYRING, TEST_SALT } from './testing';

const NIK_SRI = '3573011203900004';
const NIK_TONO = '3573011203900111';
const grant = (cooperativeId: string, roles: CooperativeGrant['roles'], position?: 'ketua') =>
  ({ cooperativeId, roles, ...(position ? { position } : {}) }) as CooperativeGrant;

/** Two people: Sri (member in karangbesuki and dinoyo) and Tono (member in karangbesuki). */
async function twoPeople() {
  const t = await pdpApp();
  const sri = t.people.add({
    personId: 'psn_sri',
    name: 'Sri Wahyuni',
    phone: '+6281234567890',
    email: 'sri@example.id',
    grants: [grant('karangbesuki', ['anggota', 'penjual']), grant('dinoyo', ['anggota'])],
  });
  const tono = t.people.add({
    personId: 'psn_tono',
    name: 'Tono Sugiarto',
    phone: '+6285700001111',
    grants: [grant('karangbesuki', ['anggota'])],
  });
  const nik = (n: string) => protectNik(n, TEST_SALT, TEST_NIK_KEYRING);
  await t.members.insert(
    memberRecord('mbr_sri_kb', {
      displayName: 'Sri Wahyuni',
      phone: sri.phone,
      nik: nik(NIK_SRI),
      personId: 'psn_sri',
    }),
    [],
  );
  await t.members.insert(
    memberRecord('mbr_sri_dn', { cooperativeId: 'dinoyo', displayName: 'Bu Sri', personId: 'psn_sri' }),
    [],
  );
  await t.members.insert(
    memberRecord('mbr_tono', {
      displayName: 'Tono Sugiarto',
      phone: tono.phone,
      nik: nik(NIK_TONO),
      personId: 'psn_tono',
    }),
    [],
  );
  return t;
}

describe('GET /cooperatives/:id/members/:memberId/nik', () => {
  const url = '/cooperatives/karangbesuki/members/mbr_sri_kb/nik';

  it('shows the full NIK to a pengurus of the cooperative and audits the view without the NIK', async () => {
    const t = await twoPeople();
    const headers = await t.bearer({
      personId: 'psn_ketua',
      grants: [grant('karangbesuki', ['pengurus'], 'ketua')],
    });

    const res = await t.app.request(url, { headers });

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await json(res)).toEqual({
      memberId: 'mbr_sri_kb',
      cooperativeId: 'karangbesuki',
      nik: NIK_SRI,
      nikMasked: '************0004',
      nikStored: 'encrypted',
    });
    const entries = t.entries.all();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      cooperativeId: 'karangbesuki',
      actorId: 'psn_ketua',
      actorRoles: ['pengurus'],
      action: 'membership.nik.viewed',
      target: { type: 'member', id: 'mbr_sri_kb' },
    });
    expect(JSON.stringify(entries)).not.toContain(NIK_SRI);
  });

  it('answers 401 anonymous, 403 other staff, 404 another cooperative and its members; nothing audited', async () => {
    const t = await twoPeople();
    const as = (grants: CooperativeGrant[]) => t.bearer({ personId: 'psn_x', grants });
    expect((await t.app.request(url)).status).toBe(401);
    expect((await t.app.request(url, { headers: await as([grant('karangbesuki', ['kasir'])]) })).status).toBe(
      403,
    );
    expect(
      (await t.app.request(url, { headers: await as([grant('karangbesuki', ['pengawas'])]) })).status,
    ).toBe(403);
    expect((await t.app.request(url, { headers: await as([grant('dinoyo', ['pengurus'])]) })).status).toBe(
      404,
    );
    // dinoyo's pengurus asking for a karangbesuki member through dinoyo's path
    const probe = await t.app.request('/cooperatives/dinoyo/members/mbr_sri_kb/nik', {
      headers: await as([grant('dinoyo', ['pengurus'])]),
    });
    expect(probe.status).toBe(404);
    expect((await json(probe)).code).toBe('MEMBER.NOT_FOUND');
    expect(t.entries.all()).toHaveLength(0);
  });

  it('400 names a malformed member id; 200 with nik null when no full NIK is stored; 500 without audit when it does not decrypt', async () => {
    const t = await twoPeople();
    const headers = await t.bearer({ personId: 'psn_ketua', grants: [grant('karangbesuki', ['pengurus'])] });
    const bad = await t.app.request('/cooperatives/karangbesuki/members/x/nik', { headers });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await json(bad))).toContain('param.memberId');

    expect(
      await t.members.insert(memberRecord('mbr_old', { nik: protectNik('3573011203900222', TEST_SALT) }), []),
    ).toBe('inserted');
    const old = await t.app.request('/cooperatives/karangbesuki/members/mbr_old/nik', { headers });
    expect(old.status).toBe(200);
    expect(await json(old)).toEqual({
      memberId: 'mbr_old',
      cooperativeId: 'karangbesuki',
      nik: null,
      nikMasked: '************0222',
      nikStored: 'hash-only',
    });
    expect(await t.members.insert(memberRecord('mbr_none', { nik: null }), [])).toBe('inserted');
    const none = await t.app.request('/cooperatives/karangbesuki/members/mbr_none/nik', { headers });
    expect(await json(none)).toMatchObject({ nik: null, nikMasked: null, nikStored: 'none' });
    // nothing was revealed, so nothing is audited
    expect(t.entries.all()).toHaveLength(0);

    const row = t.members.rows.get('mbr_sri_kb');
    if (!row?.nik?.encrypted) throw new Error('fixture lacks an encrypted NIK');
    row.nik.encrypted.ciphertext = Buffer.from('0000000000000000').toString('base64');
    const tampered = await t.app.request(url, { headers });
    expect(tampered.status).toBe(500);
    const body = await json(tampered);
    expect(body.code).toBe('MEMBER.NIK_UNREADABLE');
    expect(JSON.stringify(body)).not.toMatch(/0004|3573/);
    expect(t.entries.all()).toHaveLength(0);
  });

  it('registration stores the NIK encrypted under the current key, masked in the member view', async () => {
    const t = await pdpApp();
    await t.cooperatives.insert(
      {
        cooperativeId: 'karangbesuki',
      } as never,
      [],
    );
    const view = await registerMember(t.deps, {
      cooperativeId: 'karangbesuki',
      displayName: 'Bu Sri',
      roles: ['anggota'],
      nik: NIK_SRI,
    });
    expect(view).toMatchObject({ nikLast4: '0004', nikMasked: '************0004' });
    expect(JSON.stringify(view)).not.toContain(NIK_SRI);
    const stored = t.members.rows.get(view.memberId);
    expect(stored?.nik?.encrypted?.kid).toBe('k1');
    expect(JSON.stringify(stored)).not.toContain(NIK_SRI);
  });
});

describe('GET /me/export', () => {
  it("contains the person's account and records in every cooperative, and nothing of anyone else", async () => {
    const t = await twoPeople();
    const res = await t.app.request('/me/export', { headers: await t.bearer({ personId: 'psn_sri' }) });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const body = await json(res);
    expect(body.account).toEqual({
      personId: 'psn_sri',
      name: 'Sri Wahyuni',
      phone: '+6281234567890',
      email: 'sri@example.id',
      grants: [grant('karangbesuki', ['anggota', 'penjual']), grant('dinoyo', ['anggota'])],
    });
    expect(body.memberRecords.map((r: { memberId: string }) => r.memberId)).toEqual([
      'mbr_sri_dn',
      'mbr_sri_kb',
    ]);
    expect(body.memberRecords[1]).toMatchObject({
      cooperativeId: 'karangbesuki',
      displayName: 'Sri Wahyuni',
      phone: '+6281234567890',
      nikMasked: '************0004',
      nikStored: 'encrypted',
      joinedAt: '2026-01-02T03:04:05.000Z',
      erasedAt: null,
    });
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/tono|Tono|85700001111|0111|mbr_tono/);
    expect(text).not.toContain(NIK_SRI); // masked: see README "Personal data (UU PDP)"
    expect(
      t.entries
        .all()
        .map((e) => [e.cooperativeId, e.action, e.target.id, e.after])
        .sort(),
    ).toEqual([
      ['dinoyo', 'membership.person.exported', 'psn_sri', { memberRecords: 1 }],
      ['karangbesuki', 'membership.person.exported', 'psn_sri', { memberRecords: 1 }],
    ]);
  });

  it('needs a signed-in person', async () => {
    const t = await twoPeople();
    expect((await t.app.request('/me/export')).status).toBe(401);
    expect((await t.app.request('/me/erasure', { method: 'POST' })).status).toBe(401);
    expect(t.entries.all()).toHaveLength(0);
  });
});

describe('POST /me/erasure', () => {
  it('pseudonymises the person everywhere, keeps their records, touches no one else, and is idempotent', async () => {
    const t = await twoPeople();
    const tonoBefore = structuredClone(t.members.rows.get('mbr_tono'));
    const headers = await t.bearer({ personId: 'psn_sri' });

    const res = await t.app.request('/me/erasure', { method: 'POST', headers });

    expect(res.status).toBe(202);
    const { pseudonym, memberIds } = await json(res);
    expect(pseudonym).toMatch(/^anon_[0-9A-Za-z]{12}$/);
    expect(memberIds).toEqual(['mbr_sri_dn', 'mbr_sri_kb']);
    for (const id of memberIds) {
      const m = t.members.rows.get(id);
      expect(m).toMatchObject({
        memberId: id,
        displayName: `Anggota terhapus ${pseudonym}`,
        phone: null,
        nik: null,
        personId: 'psn_sri',
        createdAt: new Date('2026-01-02T03:04:05.000Z'),
      });
      expect(m?.erasure?.pseudonym).toBe(pseudonym);
    }
    expect(JSON.stringify([...t.members.rows.values()].filter((m) => m.personId === 'psn_sri'))).not.toMatch(
      /Sri|81234567890|0004/,
    );
    expect(t.people.rows.get('psn_sri')?.name).toBe(`Anggota terhapus ${pseudonym}`);
    expect(t.members.rows.get('mbr_tono')).toEqual(tonoBefore);
    // audited: one event per record in its outbox write, one entry per cooperative for the person
    expect(t.members.events.map((e) => [e.type, e.subject, (e.data as { action: string }).action])).toEqual([
      ['pasar.audit.entry.recorded', 'dinoyo', 'membership.member.erased'],
      ['pasar.audit.entry.recorded', 'karangbesuki', 'membership.member.erased'],
    ]);
    expect(t.nudges()).toEqual(['mbr_sri_dn', 'mbr_sri_kb']);
    expect(
      t.entries
        .all()
        .map((e) => [e.cooperativeId, e.action])
        .sort(),
    ).toEqual([
      ['dinoyo', 'membership.person.erased'],
      ['karangbesuki', 'membership.person.erased'],
    ]);

    const again = await t.app.request('/me/erasure', { method: 'POST', headers });
    expect(again.status).toBe(202);
    expect((await json(again)).pseudonym).toBe(pseudonym);
    expect(t.members.events).toHaveLength(2); // no second erasure of the same record
    expect(t.people.erased.map((e) => e.pseudonym)).toEqual([pseudonym, pseudonym]);
  });
});
