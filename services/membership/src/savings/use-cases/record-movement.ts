import {
  type Envelope,
  newEvent,
  type SavingsKind,
  type SavingsMethod,
  SavingsDeposited,
  SavingsWithdrawn,
} from '@pasar/contracts';
import { randomId } from '@pasar/service-kit';
import { EVENT_SOURCE } from '../../use-cases/ports';
import { type Actor, auditEvent } from '../../use-cases/audit';
import {
  type Applied,
  type Balances,
  balancesOf,
  checkReceivedAt,
  deposit,
  emptyAccount,
  type Movement,
  withdraw,
} from '../domain/account';
import { receiptUsed, savingsBusy } from '../domain/errors';
import { factsOf, memberIn } from './member-facts';
import { accountKey, nowOf, type SavingsDeps } from './ports';
import { getSavingsSettings } from './savings-settings';

export interface CounterRequest {
  amount: number;
  method: SavingsMethod;
  receiptNumber: string;
  /** As the receipt says; absent: now. */
  receivedAt?: Date;
}

export interface DepositRequest extends CounterRequest {
  kind: SavingsKind;
  months?: number;
}

export interface Recorded {
  movement: Movement;
  balances: Balances;
  /** The same request again (same receipt, same content): the movement recorded the first time. */
  replayed: boolean;
}

const MAX_TRIES = 20;

/** What a retry must repeat exactly to be the same movement (the receipt number is the key). */
function fingerprintOf(memberId: string, type: string, r: DepositRequest | CounterRequest): string {
  return JSON.stringify([
    memberId,
    type,
    'kind' in r ? r.kind : 'sukarela',
    r.amount,
    r.method,
    'months' in r ? (r.months ?? null) : null,
    r.receivedAt?.toISOString() ?? null,
  ]);
}

/**
 * One counter movement: the receipt number is claimed for this request (unique per cooperative),
 * then the member's account is written with the movement, its event and the audit entry in one
 * write guarded on the account's version. A refused decision frees the claim; a lost race decides
 * again on the winner's result. The same request again (a double submit, a retry after a timeout)
 * finds its claim and answers the movement recorded, or records it if a crash came in between.
 */
async function recordAtCounter(
  deps: SavingsDeps,
  actor: Actor,
  cooperativeId: string,
  memberId: string,
  type: 'deposit' | 'withdrawal',
  req: DepositRequest | CounterRequest,
): Promise<Recorded> {
  const member = await memberIn(deps, cooperativeId, memberId);
  const facts = factsOf(member);
  const fingerprint = fingerprintOf(memberId, type, req);
  const settings = type === 'deposit' ? await getSavingsSettings(deps, cooperativeId) : null;
  for (let i = 0; i < MAX_TRIES; i++) {
    const claim = await deps.store.getReceipt(cooperativeId, req.receiptNumber);
    if (claim && claim.fingerprint !== fingerprint) throw receiptUsed(req.receiptNumber);
    const movementId = claim?.movementId ?? randomId('svm');
    const account =
      (await deps.store.getAccount(cooperativeId, memberId)) ?? emptyAccount(cooperativeId, memberId);
    const at = nowOf(deps);
    const input = {
      movementId,
      amount: req.amount,
      method: req.method,
      receiptNumber: req.receiptNumber,
      receivedAt: req.receivedAt ?? at,
      recordedAt: at,
      recordedBy: actor.personId,
    };
    let out: Applied;
    try {
      if (!account.movements.some((m) => m.movementId === movementId))
        checkReceivedAt(input.receivedAt, facts, at);
      out =
        type === 'deposit'
          ? deposit(
              account,
              { ...input, kind: (req as DepositRequest).kind, ...monthsOf(req) },
              { settings: settings!, member: facts },
            )
          : withdraw(account, input, facts);
    } catch (err) {
      if (claim) await deps.store.releaseReceipt(cooperativeId, req.receiptNumber, claim.movementId);
      throw err;
    }
    if (!out.changed) return { movement: out.movement, balances: balancesOf(account), replayed: true };
    if (!claim) {
      const claimed = await deps.store.claimReceipt({
        cooperativeId,
        receiptNumber: req.receiptNumber,
        movementId,
        memberId,
        fingerprint,
        claimedAt: at,
      });
      if (!claimed) continue; // taken meanwhile: by this same request (a retry) or by another one
    }
    const balances = balancesOf(out.account);
    if (await deps.store.saveAccount(out.account, eventsOf(out.movement, balances, actor, member))) {
      deps.onEventsWritten({ collection: 'accounts', id: accountKey(cooperativeId, memberId) });
      deps.logger.info(
        { cooperativeId, memberId, movementId, type, kind: out.movement.kind, by: actor.personId },
        'savings movement recorded',
      );
      return { movement: out.movement, balances, replayed: false };
    }
    // Another movement of this member was saved first: the claim stays ours; decide again.
  }
  throw savingsBusy();
}

const monthsOf = (req: DepositRequest | CounterRequest) =>
  'months' in req && req.months !== undefined ? { months: req.months } : {};

/** The movement's event for the books and its audit entry (no personal data: member id only). */
function eventsOf(
  m: Movement,
  balances: Balances,
  actor: Actor,
  member: { memberId: string; cooperativeId: string },
): Envelope[] {
  const { memberId, cooperativeId } = member;
  const kind = m.kind as SavingsKind;
  const common = {
    memberId,
    cooperativeId,
    amount: m.amount,
    method: m.method as SavingsMethod,
    receiptNumber: m.receiptNumber as string,
    recordedBy: m.recordedBy,
    receivedAt: m.receivedAt.toISOString(),
  };
  const ctx = { source: EVENT_SOURCE, cooperativeId };
  const event =
    m.type === 'withdrawal'
      ? newEvent(SavingsWithdrawn, memberId, { ...common, kind: 'sukarela' }, ctx)
      : newEvent(
          SavingsDeposited,
          memberId,
          { ...common, kind, ...(m.covers ? { months: m.covers.months } : {}) },
          ctx,
        );
  const sign = m.type === 'withdrawal' ? -1 : 1;
  return [
    event,
    auditEvent({
      cooperativeId,
      actor,
      action: m.type === 'withdrawal' ? 'membership.savings.withdrawn' : 'membership.savings.deposited',
      target: { type: 'member', id: memberId },
      before: { [kind]: balances[kind] - sign * m.amount },
      after: {
        [kind]: balances[kind],
        movementId: m.movementId,
        kind,
        amount: m.amount,
        method: m.method,
        receiptNumber: m.receiptNumber,
        receivedAt: m.receivedAt.toISOString(),
        ...(m.covers ? { covers: m.covers } : {}),
      },
      at: m.recordedAt,
    }),
  ];
}

/** The bendahara or a kasir records a deposit of simpanan pokok, wajib or sukarela. */
export function recordDeposit(
  deps: SavingsDeps,
  actor: Actor,
  cooperativeId: string,
  memberId: string,
  req: DepositRequest,
): Promise<Recorded> {
  return recordAtCounter(deps, actor, cooperativeId, memberId, 'deposit', req);
}

/** The bendahara or a kasir pays out simpanan sukarela; never more than the balance. */
export function recordWithdrawal(
  deps: SavingsDeps,
  actor: Actor,
  cooperativeId: string,
  memberId: string,
  req: CounterRequest,
): Promise<Recorded> {
  return recordAtCounter(deps, actor, cooperativeId, memberId, 'withdrawal', req);
}
