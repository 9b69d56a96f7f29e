import { AuditRecorded } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { auditEvent, redactForAudit } from './audit';
import type { Principal } from './auth/principal';

const gudang: Principal = {
  personId: 'psn_gudang1',
  sessionId: 'sess-1',
  grants: [
    { cooperativeId: 'karangbesuki', roles: ['gudang', 'anggota'] },
    { cooperativeId: 'dinoyo', roles: ['pengurus'], position: 'ketua' },
  ],
  platform: [],
};

describe('auditEvent()', () => {
  it('builds a valid AuditRecorded keyed by cooperative, with the roles held there', () => {
    const evt = auditEvent({
      cooperativeId: 'karangbesuki',
      principal: gudang,
      action: 'catalog.product.restocked',
      target: { type: 'product', id: 'prd_1' },
      before: { available: 4 },
      after: { available: 24 },
      at: new Date('2026-11-30T08:15:00.000Z'),
    });
    expect(AuditRecorded.envelope.parse(evt)).toEqual(evt);
    expect(evt).toMatchObject({
      type: 'pasar.audit.entry.recorded',
      subject: 'karangbesuki',
      cooperativeid: 'karangbesuki',
      source: 'urn:pasar:catalog',
      data: {
        actorId: 'psn_gudang1',
        actorRoles: ['gudang', 'anggota'],
        before: { available: 4 },
        after: { available: 24 },
        at: '2026-11-30T08:15:00.000Z',
      },
    });
  });

  it('redacts before/after, accepts system actors and refuses a malformed action', () => {
    const evt = auditEvent({
      cooperativeId: 'dinoyo',
      principal: 'system',
      action: 'membership.role.assigned',
      target: { type: 'person', id: 'psn_x' },
      after: { roles: ['kasir'], resetCode: '123456', phone: '+6281234567890' },
    });
    expect(evt.data).toMatchObject({ actorId: 'system', actorRoles: [] });
    expect(evt.data.after).toEqual({ roles: ['kasir'], phone: '*********7890' });
    expect(evt.data.before).toBeUndefined();
    expect(() =>
      auditEvent({
        cooperativeId: 'dinoyo',
        principal: 'system',
        action: 'Bad',
        target: { type: 't', id: 'i' },
      }),
    ).toThrow(/service\.entity\.verb/);
  });
});

describe('redactForAudit()', () => {
  it('drops secret-like keys at any depth and masks phones to the last 4', () => {
    const out = redactForAudit({
      name: 'Bu Sri',
      password: 'hunter22',
      passwordHash: '$argon2id$…',
      nik: '3573011203900004',
      nikLast4: '0004',
      apiSecret: 's',
      accessToken: 't',
      pickup_code: '4821',
      phone: '0812-3456-7890',
      note: 'call +6281299990000',
      contact: { phoneNumber: '+6285600001111', nikHash: 'abc', city: 'Malang' },
      list: [{ token: 'x', qty: 2 }, '081311112222'],
      price: 18_000,
      restocked: true,
    });
    expect(out).toEqual({
      name: 'Bu Sri',
      phone: '********7890',
      note: 'call +6281299990000', // free text is not a phone number: callers must not put phones there
      contact: { phoneNumber: '*********1111', city: 'Malang' },
      list: [{ qty: 2 }, '********2222'],
      price: 18_000,
      restocked: true,
    });
    expect(JSON.stringify(out)).not.toMatch(/3573011203900004|hunter22|argon2|4821|34567890/);
  });
});
