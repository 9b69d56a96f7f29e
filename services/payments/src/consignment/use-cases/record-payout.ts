import { ConsignmentPayoutRecorded, newEvent } from '@pasar/contracts';
import { auditEvent, type Principal, randomId } from '@pasar/service-kit';
import { createHash } from 'node:crypto';
import { type Entry, emptyAccount, type PayoutMethod, recordPayout, summarise } from '../domain/account';
import { idempotencyKeyReused } from '../domain/errors';
import { accountKey, CONSIGNMENT_SOURCE, type ConsignmentDeps, nowOf, type SellerRecord } from './ports';
import { retryOnConflict } from './versioned';

export interface PayoutRequest {
  amount: number;
  method: PayoutMethod;
  note: string;
  receiptNumber: string;
  idempotencyKey?: string;
}

/** The same key for the same seller always names the same payout. */
const payoutIdFor = (seller: SellerRecord, key: string) =>
  `cpo_${createHash('sha256').update(`${seller.cooperativeId}\n${seller.sellerId}\n${key}`).digest('hex').slice(0, 26)}`;

/**
 * The bendahara pays a seller out of what is available. The check and the payout line are one
 * write guarded on the account's version: of two payouts at once, the second is decided again on
 * the first one's result, so together they never exceed what was available. Audited.
 */
export async function recordSellerPayout(
  deps: ConsignmentDeps,
  by: Principal,
  seller: SellerRecord,
  req: PayoutRequest,
): Promise<{ payout: Entry; replayed: boolean }> {
  const payoutId = req.idempotencyKey ? payoutIdFor(seller, req.idempotencyKey) : randomId('cpo');
  return retryOnConflict<{ payout: Entry; replayed: boolean }>(async () => {
    const at = nowOf(deps);
    const account =
      (await deps.store.getAccount(seller.cooperativeId, seller.sellerId)) ??
      emptyAccount(seller.cooperativeId, seller.sellerId);
    const out = recordPayout(account, {
      payoutId,
      amount: req.amount,
      method: req.method,
      receiptNumber: req.receiptNumber,
      note: req.note,
      recordedBy: by.personId,
      at,
    });
    if (out.result !== 'recorded') {
      const d = out.result.duplicate;
      const same =
        -d.amount === req.amount &&
        d.payout?.method === req.method &&
        d.payout.receiptNumber === req.receiptNumber;
      if (!same) throw idempotencyKeyReused();
      return { saved: true, value: { payout: d, replayed: true } };
    }
    const entry = out.account.entries.at(-1) as Entry;
    const balanceAfter = summarise(out.account).balance;
    const ctx = { source: CONSIGNMENT_SOURCE, cooperativeId: seller.cooperativeId };
    const events = [
      newEvent(
        ConsignmentPayoutRecorded,
        seller.sellerId,
        {
          cooperativeId: seller.cooperativeId,
          sellerId: seller.sellerId,
          payoutId,
          amount: req.amount,
          method: req.method,
          receiptNumber: req.receiptNumber,
          recordedBy: by.personId,
          balanceAfter,
          recordedAt: at.toISOString(),
        },
        ctx,
      ),
      auditEvent({
        cooperativeId: seller.cooperativeId,
        principal: by,
        action: 'payments.consignment.payout-recorded',
        target: { type: 'seller', id: seller.sellerId },
        before: { balance: balanceAfter + req.amount },
        after: {
          balance: balanceAfter,
          payoutId,
          amount: req.amount,
          method: req.method,
          receiptNumber: req.receiptNumber,
          note: req.note,
        },
        at,
      }),
    ];
    const saved = await deps.store.saveAccount(out.account, events);
    if (saved)
      deps.onEventsWritten({ collection: 'accounts', id: accountKey(seller.cooperativeId, seller.sellerId) });
    return { saved, value: { payout: entry, replayed: false } };
  });
}
