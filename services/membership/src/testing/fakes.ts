import type { CooperativeGrant, Envelope, PlatformRole } from '@pasar/contracts';
import { createLogger } from '@pasar/events';
import { loadConfig } from '@pasar/service-kit';
import { type AppDeps, createApp } from '../app';
import { MembershipConfigSchema } from '../config';
import type { Cooperative } from '../domain/cooperative';
import type { Member, MemberRole } from '../domain/member';
import { hashPassword } from '../domain/password';
import type { Person } from '../domain/person';
import type { Seller } from '../domain/seller';
import type { ApplicationStatus, SellerApplication } from '../domain/seller-application';
import type { Session } from '../domain/session';
import { generateSigningKeyPem, loadSigningKeys } from '../tokens/keys';
import type {
  AuthEventRecord,
  AuthEventRepository,
  CooperativeRepository,
  MemberRepository,
  PersonInsertResult,
  PersonRepository,
  SellerApplicationRepository,
  SellerRepository,
  SessionRepository,
} from '../use-cases/ports';
import { accountsWiring } from '../wiring';

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
  async findByPerson(cooperativeId: string, personId: string) {
    const m = [...this.rows.values()].find(
      (r) => r.cooperativeId === cooperativeId && r.personId === personId,
    );
    return m ? structuredClone(m) : null;
  }
  async linkPerson(memberId: string, personId: string, events: Envelope[] = []) {
    const m = this.rows.get(memberId);
    if (!m || m.personId) return false;
    m.personId = personId;
    this.events.push(...events);
    return true;
  }
  async addRole(memberId: string, role: MemberRole) {
    const m = this.rows.get(memberId);
    if (m && !m.roles.includes(role)) m.roles.push(role);
  }
}

export class FakeSellerApplications implements SellerApplicationRepository {
  readonly rows = new Map<string, SellerApplication>();
  readonly events: Envelope[] = [];
  async insert(a: SellerApplication, events: Envelope[]) {
    if (a.status === 'pending' && (await this.findOpen(a.cooperativeId, a.memberId)))
      return 'duplicate-open' as const;
    this.rows.set(a.applicationId, structuredClone(a));
    this.events.push(...events);
    return 'inserted' as const;
  }
  async findById(id: string) {
    const a = this.rows.get(id);
    return a ? structuredClone(a) : null;
  }
  async findOpen(cooperativeId: string, memberId: string) {
    const a = [...this.rows.values()].find(
      (r) => r.cooperativeId === cooperativeId && r.memberId === memberId && r.status === 'pending',
    );
    return a ? structuredClone(a) : null;
  }
  private many(filter: (a: SellerApplication) => boolean) {
    return [...this.rows.values()]
      .filter(filter)
      .sort(
        (a, b) =>
          b.submittedAt.getTime() - a.submittedAt.getTime() || (a.applicationId < b.applicationId ? 1 : -1),
      )
      .map((a) => structuredClone(a));
  }
  async listByCooperative(cooperativeId: string, status?: ApplicationStatus) {
    return this.many((a) => a.cooperativeId === cooperativeId && (!status || a.status === status));
  }
  async listByPerson(cooperativeId: string, personId: string) {
    return this.many((a) => a.cooperativeId === cooperativeId && a.personId === personId);
  }
  async update(next: SellerApplication, expectedVersion: number, events: Envelope[]) {
    if (this.rows.get(next.applicationId)?.version !== expectedVersion) return false;
    this.rows.set(next.applicationId, structuredClone(next));
    this.events.push(...events);
    return true;
  }
}

export class FakeSellers implements SellerRepository {
  readonly rows = new Map<string, Seller>();
  readonly events: Envelope[] = [];
  async insert(s: Seller, events: Envelope[]) {
    if (this.rows.has(s.sellerId)) return false;
    this.rows.set(s.sellerId, structuredClone(s));
    this.events.push(...events);
    return true;
  }
  async findById(id: string) {
    const s = this.rows.get(id);
    return s ? structuredClone(s) : null;
  }
  async listByCooperative(cooperativeId: string) {
    return [...this.rows.values()]
      .filter((s) => s.cooperativeId === cooperativeId)
      .sort((a, b) => a.since.getTime() - b.since.getTime())
      .map((s) => structuredClone(s));
  }
  async update(next: Seller, expectedVersion: number, events: Envelope[]) {
    const current = this.rows.get(next.sellerId);
    if (current?.version !== expectedVersion) return false;
    this.rows.set(next.sellerId, { ...structuredClone(next), followUp: current.followUp });
    this.events.push(...events);
    return true;
  }
  async listFollowUpPending() {
    return [...this.rows.values()].filter((s) => s.followUp === 'pending').map((s) => structuredClone(s));
  }
  async markFollowUpDone(sellerId: string) {
    const s = this.rows.get(sellerId);
    if (s) s.followUp = 'done';
  }
}

export class FakePeople implements PersonRepository {
  readonly rows = new Map<string, Person>();
  readonly events: Envelope[] = [];
  async insert(p: Person, events: Envelope[]): Promise<PersonInsertResult> {
    if (this.rows.has(p.personId)) return 'duplicate-id';
    if ([...this.rows.values()].some((r) => r.phone === p.phone)) return 'duplicate-phone';
    this.rows.set(p.personId, structuredClone(p));
    this.events.push(...events);
    return 'inserted';
  }
  async findById(id: string) {
    const p = this.rows.get(id);
    return p ? structuredClone(p) : null;
  }
  async findByPhone(phone: string) {
    const p = [...this.rows.values()].find((r) => r.phone === phone);
    return p ? structuredClone(p) : null;
  }
  async update(next: Person, expectedVersion: number, events: Envelope[]) {
    if (this.rows.get(next.personId)?.version !== expectedVersion) return false;
    this.rows.set(next.personId, structuredClone(next));
    this.events.push(...events);
    return true;
  }
  async listByCooperative(cooperativeId: string, opts: { limit: number; after?: string }) {
    return [...this.rows.values()]
      .filter((p) => p.grants.some((g) => g.cooperativeId === cooperativeId))
      .filter((p) => !opts.after || p.personId > opts.after)
      .sort((a, b) => (a.personId < b.personId ? -1 : 1))
      .slice(0, opts.limit)
      .map((p) => structuredClone(p));
  }
  async countKetua(cooperativeId: string) {
    return [...this.rows.values()].filter((p) =>
      p.grants.some(
        (g) => g.cooperativeId === cooperativeId && g.position === 'ketua' && g.roles.includes('pengurus'),
      ),
    ).length;
  }
  async recordSignInFailure(
    personId: string,
    now: Date,
    policy: { maxFailures: number; blockSeconds: number },
  ) {
    const p = this.rows.get(personId);
    if (!p) return 0;
    p.failedSignIns += 1;
    if (p.failedSignIns % policy.maxFailures === 0)
      p.lockedUntil = new Date(now.getTime() + policy.blockSeconds * 1000);
    return p.failedSignIns;
  }
  async recordSignInSuccess(personId: string, now: Date) {
    const p = this.rows.get(personId);
    if (p) Object.assign(p, { failedSignIns: 0, lockedUntil: null, lastSignInAt: now });
  }
  async pseudonymise(personId: string, pseudonym: string) {
    const p = this.rows.get(personId);
    if (!p) return false;
    Object.assign(p, {
      name: pseudonym,
      phone: `erased:${personId}`,
      email: null,
      passwordHash: null,
      resetCode: null,
    });
    return true;
  }
}

export class FakeSessions implements SessionRepository {
  readonly rows = new Map<string, Session>();
  async insert(s: Session) {
    this.rows.set(s.digest, structuredClone(s));
  }
  async findByDigest(digest: string) {
    const s = this.rows.get(digest);
    return s ? structuredClone(s) : null;
  }
  async touch(digest: string, now: Date) {
    const s = this.rows.get(digest);
    if (s && !s.revokedAt) s.lastSeenAt = now;
  }
  async revoke(digest: string, now: Date) {
    const s = this.rows.get(digest);
    if (s && !s.revokedAt) s.revokedAt = now;
  }
  async revokeAllOf(personId: string, now: Date) {
    let n = 0;
    for (const s of this.rows.values())
      if (s.personId === personId && !s.revokedAt) {
        s.revokedAt = now;
        n++;
      }
    return n;
  }
}

export class FakeAuthEvents implements AuthEventRepository {
  readonly rows: AuthEventRecord[] = [];
  readonly events: Envelope[] = [];
  async append(r: AuthEventRecord, events: Envelope[]) {
    this.rows.push(structuredClone(r));
    this.events.push(...events);
  }
}

/** A test clock: starts at a fixed instant, moved forward by tests. */
export function testClock(start = new Date('2026-03-02T08:00:00.000Z')) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance: (seconds: number) => {
      t += seconds * 1000;
    },
  };
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

const signingKey = generateSigningKeyPem();
const keys = await loadSigningKeys({ signingKey, keyId: 'test-kid' });

/** A membership app over fakes, plus the fakes to look into. Config = the defaults unless overridden. */
export function fakeApp(overrides: Partial<AppDeps> = {}, env: Record<string, string> = {}) {
  const cooperatives = new FakeCooperatives();
  const members = new FakeMembers();
  const people = new FakePeople();
  const sessions = new FakeSessions();
  const authEvents = new FakeAuthEvents();
  const applications = new FakeSellerApplications();
  const sellers = new FakeSellers();
  const clock = testClock();
  const nudges: string[] = [];
  const config = loadConfig(MembershipConfigSchema, {
    MONGO_URL: 'mongodb://x/m',
    KAFKA_BROKERS: 'k:9092',
    ...env,
  });
  const deps: AppDeps = {
    cooperatives,
    members,
    people,
    sessions,
    authEvents,
    applications,
    sellers,
    nikSalt: 'test-salt-0123456789abcdef',
    logger: createLogger('membership-test', 'silent'),
    onEventsWritten: (aggregate, id) => {
      nudges.push(`${aggregate}:${id}`);
    },
    clock: clock.now,
    ...accountsWiring(config, keys),
    ...overrides,
  };
  const app = createApp(deps);

  /** Stores a person with a password directly (no HTTP), for tests that need an account. */
  async function addPerson(input: {
    personId: string;
    phone: string;
    password?: string;
    name?: string;
    grants?: CooperativeGrant[];
    platform?: PlatformRole[];
  }): Promise<Person> {
    const at = clock.now();
    const p: Person = {
      personId: input.personId,
      name: input.name ?? `Orang ${input.personId}`,
      phone: input.phone,
      email: null,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      grants: input.grants ?? [],
      platform: input.platform ?? [],
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: null,
      resetCode: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await people.insert(p, []);
    return p;
  }

  /** An access token for membership itself, minted the way /auth/tokens does. */
  async function tokenFor(p: Person, sessionRef = 'no-session'): Promise<string> {
    return (await deps.tokens.mint(p, sessionRef)).membership;
  }

  const post = (path: string, body: unknown, headers: Record<string, string> = {}, method = 'POST') =>
    app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  return {
    app,
    deps,
    cooperatives,
    members,
    people,
    sessions,
    authEvents,
    applications,
    sellers,
    clock,
    keys,
    nudges: () => nudges,
    addPerson,
    tokenFor,
    post,
  };
}
export type FakeApp = ReturnType<typeof fakeApp>;

/** Authorization header for a token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Registers a cooperative through the use case (its HTTP route is for dinas only). */
export async function withCooperative(ctx: FakeApp, overrides: Record<string, unknown> = {}) {
  const { registerCooperative } = await import('../use-cases/register-cooperative');
  return registerCooperative(ctx.deps, cooperativeBody(overrides) as never);
}
