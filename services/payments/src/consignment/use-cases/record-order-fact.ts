import {
  ConsignmentRefundRecorded,
  ConsignmentSaleRecorded,
  type Envelope,
  newEvent,
} from '@pasar/contracts';
import { emptyAccount, type SaleLine } from '../domain/account';
import { DEFAULT_SETTINGS } from '../domain/commission';
import {
  emptyFacts,
  type Fact,
  mergeFact,
  type OrderFacts,
  recognise,
  syncAccount,
} from '../domain/order-facts';
import { accountKey, CONSIGNMENT_SOURCE, type ConsignmentDeps, nowOf } from './ports';
import { retryOnConflict } from './versioned';

export interface FactInput {
  orderId: string;
  cooperativeId: string;
  /** What the event says, applied in this order (e.g. a cash handover: lines, money in, completed). */
  facts: Fact[];
  /** The event that told us, for the events this causes. */
  cause: Pick<Envelope, 'id' | 'correlationid'>;
  /**
   * The event is usually the first word on the order (its placement): the first try saves the
   * facts as a new document without reading, and the facts are read only when that insert finds
   * them already there (another topic ran ahead, or a redelivery). One read per order fewer.
   */
  probablyNew?: boolean;
}

/**
 * Records what an event says of an order, recognises the sale when lines and money are both
 * known, then brings each of its sellers' accounts up to date. Every step is idempotent, so a
 * redelivery (or a retry after a crash between the steps) finishes the work and adds nothing.
 */
export async function recordOrderFact(deps: ConsignmentDeps, input: FactInput): Promise<OrderFacts> {
  let guess = input.probablyNew === true;
  const facts = await retryOnConflict(async () => {
    const fresh = emptyFacts(input.orderId, input.cooperativeId);
    const loaded = guess ? fresh : ((await deps.store.getFacts(input.orderId)) ?? fresh);
    const merged = await recogniseIfReady(deps, input.facts.reduce(mergeFact, loaded));
    const guessed = guess;
    guess = false;
    // Nothing to add to a guessed empty document says nothing about the stored one: read it.
    if (merged === loaded) return { saved: !guessed, value: loaded };
    // A guess saves at version 0, i.e. inserts: refused when the facts exist, then read and merged.
    return { saved: await deps.store.saveFacts(merged), value: { ...merged, version: merged.version + 1 } };
  });
  for (const seller of facts.recognition?.sellers ?? [])
    await syncSeller(deps, facts, seller.sellerId, seller.lines, input.cause);
  return facts;
}

async function recogniseIfReady(deps: ConsignmentDeps, f: OrderFacts): Promise<OrderFacts> {
  if (f.recognition || !f.lines || !f.moneyInAt) return f;
  const [settings, sellers, categories] = await Promise.all([
    deps.store.getSettings(f.cooperativeId),
    deps.store.listSellers(f.cooperativeId),
    deps.store.categories(f.lines.map((l) => l.productId)),
  ]);
  const known = new Set(sellers.map((s) => s.sellerId));
  const unknown = f.lines.filter((l) => !known.has(l.sellerId)).map((l) => l.sellerId);
  if (unknown.length > 0)
    deps.logger.debug(
      { orderId: f.orderId, sellers: [...new Set(unknown)] },
      'lines of non-consignment sellers',
    );
  return recognise(f, {
    settings: settings ?? DEFAULT_SETTINGS,
    isSeller: (id) => known.has(id),
    categoryOf: (id) => categories.get(id) ?? null,
    at: nowOf(deps),
  });
}

async function syncSeller(
  deps: ConsignmentDeps,
  f: OrderFacts,
  sellerId: string,
  lines: SaleLine[],
  cause: FactInput['cause'],
): Promise<void> {
  const ctx = {
    source: CONSIGNMENT_SOURCE,
    cooperativeId: f.cooperativeId,
    causationId: cause.id,
    correlationId: cause.correlationid,
  };
  const consignmentLines = lines.map(({ line: _line, ...l }) => l);
  const gross = lines.reduce((s, l) => s + l.lineTotal, 0);
  const commission = lines.reduce((s, l) => s + l.commission, 0);
  const base = {
    cooperativeId: f.cooperativeId,
    sellerId,
    orderId: f.orderId,
    lines: consignmentLines,
    gross,
  };
  await retryOnConflict(async () => {
    const account =
      (await deps.store.getAccount(f.cooperativeId, sellerId)) ?? emptyAccount(f.cooperativeId, sellerId);
    const out = syncAccount(account, f, lines);
    if (!out.changed) return { saved: true, value: undefined };
    const events: Envelope[] = [];
    if (out.saleRecorded)
      events.push(
        newEvent(
          ConsignmentSaleRecorded,
          sellerId,
          {
            ...base,
            commission,
            net: gross - commission,
            recordedAt: (f.moneyInAt ?? nowOf(deps)).toISOString(),
          },
          ctx,
        ),
      );
    if (out.refund === 'refunded' && f.refund)
      events.push(
        newEvent(
          ConsignmentRefundRecorded,
          sellerId,
          {
            ...base,
            commissionReversed: commission,
            net: gross - commission,
            reason: f.refund.reason,
            recordedAt: f.refund.at.toISOString(),
          },
          ctx,
        ),
      );
    if (out.refund === 'anomaly')
      deps.logger.warn(
        { orderId: f.orderId, sellerId },
        'refund of a consignment order already handed over: not applied, left to the bendahara',
      );
    const saved = await deps.store.saveAccount(out.account, events);
    if (saved && events.length > 0)
      deps.onEventsWritten({ collection: 'accounts', id: accountKey(f.cooperativeId, sellerId) });
    return { saved, value: undefined };
  });
}
