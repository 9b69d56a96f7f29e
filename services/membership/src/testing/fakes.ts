import type { Envelope } from '@pasar/contracts';
import { createLogger } from '@pasar/events';
import { type AppDeps, createApp } from '../app';
import type { Cooperative } from '../domain/cooperative';
import type { Member } from '../domain/member';
import type { CooperativeRepository, MemberRepository } from '../use-cases/ports';

/** In-memory repositories with the same contract as the mongo ones (route tests, no I/O). */
export class FakeCooperatives implements CooperativeRepository {
  readonly rows = new Map<string, Cooperative>();
  readonly events: Envelope[] = [];
  async insert(c: Cooperative, events: Envelope[]) {
    if (this.rows.has(c.cooperativeId)) return false;
    this.rows.set(c.cooperativeId, structuredClone(c));
    this.events.push(...events);
    return true;
  }
  async findById(id: string) {
    const c = this.rows.get(id);
    return c ? structuredClone(c) : null;
  }
  async list() {
    return [...this.rows.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => structuredClone(c));
  }
  async update(next: Cooperative, expectedVersion: number, events: Envelope[]) {
    if (this.rows.get(next.cooperativeId)?.version !== expectedVersion) return false;
    this.rows.set(next.cooperativeId, structuredClone(next));
    this.events.push(...events);
    return true;
  }
}

export class FakeMembers implements MemberRepository {
  readonly rows = new Map<string, Member>();
  readonly events: Envelope[] = [];
  async insert(m: Member, events: Envelope[]) {
    if (this.rows.has(m.memberId)) return 'duplicate-id' as const;
    const sameNik = [...this.rows.values()].some(
      (r) => r.cooperativeId === m.cooperativeId && m.nik && r.nik?.hash === m.nik.hash,
    );
    if (sameNik) return 'duplicate-nik' as const;
    this.rows.set(m.memberId, structuredClone(m));
    this.events.push(...events);
    return 'inserted' as const;
  }
  async findById(id: string) {
    return this.rows.get(id) ?? null;
  }
  async list(cooperativeId: string, opts: { limit: number; after?: string }) {
    return [...this.rows.values()]
      .filter((m) => m.cooperativeId === cooperativeId && (!opts.after || m.memberId > opts.after))
      .sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
      .slice(0, opts.limit);
  }
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

/** A membership app over fakes, plus the fakes to look into. */
export function fakeApp(overrides: Partial<AppDeps> = {}) {
  const cooperatives = new FakeCooperatives();
  const members = new FakeMembers();
  const nudges: string[] = [];
  const deps: AppDeps = {
    cooperatives,
    members,
    nikSalt: 'test-salt-0123456789abcdef',
    logger: createLogger('membership-test', 'silent'),
    onEventsWritten: (aggregate, id) => {
      nudges.push(`${aggregate}:${id}`);
    },
    adminToken: ADMIN_TOKEN,
    ...overrides,
  };
  return { app: createApp(deps), deps, cooperatives, members, nudges: () => nudges };
}

export function cooperativeBody(overrides: Record<string, unknown> = {}) {
  return {
    cooperativeId: 'karangbesuki',
    name: 'Koperasi Kelurahan Merah Putih Karangbesuki',
    marketName: 'Karbes Market',
    ward: 'Karangbesuki',
    city: 'Kota Malang',
    outletAddress: 'Jl. Raya Karangbesuki No. 12, Kota Malang',
    deliveryEnabled: true,
    deliveryFee: 5_000,
    orderExpiryMinutes: 30,
    description: 'Sembako dan jajanan UMKM.',
    openingHours: 'Senin–Sabtu 07.00–20.00',
    phone: '0341-551234',
    ...overrides,
  };
}

export type Json = any;
export const json = (res: Response): Promise<Json> => res.json() as Promise<Json>;
