import type { Category, Envelope } from '@pasar/contracts';
import { createLogger } from '@pasar/events';
import { summarise } from '../domain/account';
import type { Account } from '../domain/account';
import type { OrderFacts } from '../domain/order-facts';
import type { ConsignmentDeps, ConsignmentStore, SellerRecord, StoredSettings } from '../use-cases/ports';

/** In-memory consignment store with the mongo store's contract: writes guarded on the version. */
export class FakeConsignmentStore implements ConsignmentStore {
  readonly accounts = new Map<string, Account>();
  readonly facts = new Map<string, OrderFacts>();
  readonly settings = new Map<string, StoredSettings>();
  readonly sellers = new Map<string, SellerRecord>();
  readonly products = new Map<string, { category: Category; version: number }>();
  readonly events: Envelope[] = [];

  private save<T extends { version: number }>(
    m: Map<string, T>,
    id: string,
    v: T,
    events: Envelope[],
  ): boolean {
    if ((m.get(id)?.version ?? 0) !== v.version) return false;
    m.set(id, structuredClone({ ...v, version: v.version + 1 }));
    this.events.push(...events);
    return true;
  }
  async getAccount(cooperativeId: string, sellerId: string) {
    const a = this.accounts.get(`${cooperativeId}:${sellerId}`);
    return a ? structuredClone(a) : null;
  }
  async saveAccount(a: Account, events: Envelope[]) {
    return this.save(this.accounts, `${a.cooperativeId}:${a.sellerId}`, a, events);
  }
  async listSummaries(cooperativeId: string) {
    return [...this.accounts.values()]
      .filter((a) => a.cooperativeId === cooperativeId)
      .map((a) => ({ cooperativeId, sellerId: a.sellerId, ...summarise(a), anomalies: a.anomalies.length }));
  }
  async getFacts(orderId: string) {
    const f = this.facts.get(orderId);
    return f ? structuredClone(f) : null;
  }
  async saveFacts(f: OrderFacts) {
    return this.save(this.facts, f.orderId, f, []);
  }
  async getSettings(cooperativeId: string) {
    const s = this.settings.get(cooperativeId);
    return s ? structuredClone(s) : null;
  }
  async saveSettings(s: StoredSettings, events: Envelope[]) {
    return this.save(this.settings, s.cooperativeId, s, events);
  }
  async upsertSeller(s: SellerRecord) {
    this.sellers.set(s.sellerId, { ...s });
  }
  async getSeller(sellerId: string) {
    const s = this.sellers.get(sellerId);
    return s ? { ...s } : null;
  }
  async listSellers(cooperativeId: string) {
    return [...this.sellers.values()].filter((s) => s.cooperativeId === cooperativeId);
  }
  async upsertProduct(p: { productId: string; cooperativeId: string; category: Category; version: number }) {
    if ((this.products.get(p.productId)?.version ?? -1) < p.version)
      this.products.set(p.productId, { category: p.category, version: p.version });
  }
  async categories(productIds: string[]) {
    const out = new Map<string, Category>();
    for (const id of productIds) {
      const p = this.products.get(id);
      if (p) out.set(id, p.category);
    }
    return out;
  }
}

/** Two sellers of karangbesuki (Bu Sri, Bu Yanti) and one of dinoyo (Bu Ani). */
export const SELLERS = {
  sri: {
    sellerId: 'mbr_kb_sri',
    personId: 'per_kb_sri',
    cooperativeId: 'karangbesuki',
    shopName: 'Keripik Bu Sri',
    status: 'active',
  },
  yanti: {
    sellerId: 'mbr_kb_yanti',
    personId: 'per_kb_yanti',
    cooperativeId: 'karangbesuki',
    shopName: 'Kue Basah Bu Yanti',
    status: 'active',
  },
  ani: {
    sellerId: 'mbr_dn_ani',
    personId: 'per_dn_ani',
    cooperativeId: 'dinoyo',
    shopName: 'Sambal Bu Ani',
    status: 'active',
  },
} as const satisfies Record<string, SellerRecord>;

export function fakeConsignment(clock?: () => Date) {
  const store = new FakeConsignmentStore();
  for (const s of Object.values(SELLERS)) store.sellers.set(s.sellerId, { ...s });
  const deps: ConsignmentDeps = {
    store,
    logger: createLogger('consignment-test', 'silent'),
    onEventsWritten: () => {},
    ...(clock ? { clock } : {}),
  };
  return { deps, store };
}
