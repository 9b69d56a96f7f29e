import { type Period, periodOf } from '../../domain/journal';
import type { MemberInput } from '../../domain/shu-run';
import type { LedgerDeps, MemberRecord } from '../ports';

/**
 * Each member's basis for SHU of `year` (decision 0017), from the ledger's read models:
 * - savings: simpanan pokok + wajib booked up to the year's end (the balance the neraca shows);
 * - transactions: the goods of their purchases through the market (by their account, from the
 *   month they joined) and the gross of their consignment sales handed over, in the periods the
 *   books booked them within the year.
 * The members are those who joined by the year's end, and anyone the books hold savings or a
 * consignment sale for (membership's member ids, even if their MemberRegistered has not come yet).
 */
export async function memberBasis(
  deps: LedgerDeps,
  cooperativeId: string,
  year: number,
): Promise<{ members: MemberInput[]; known: MemberRecord[] }> {
  const from: Period = `${year}-01`;
  const to: Period = `${year}-12`;
  const known = (await deps.members.members(cooperativeId)).filter((m) => periodOf(m.joinedAt) <= to);
  const [balances, sums] = await Promise.all([
    deps.members.savingsBalances(cooperativeId, to),
    deps.members.transactionSums(cooperativeId, from, to),
  ]);
  const byPerson = new Map(known.filter((m) => m.personId).map((m) => [m.personId as string, m]));
  const transactions = new Map<string, number>();
  const add = (memberId: string, amount: number) =>
    transactions.set(memberId, (transactions.get(memberId) ?? 0) + amount);
  for (const s of sums) {
    if (s.kind === 'consignment' && s.memberId) add(s.memberId, s.amount);
    if (s.kind === 'purchase' && s.personId) {
      const m = byPerson.get(s.personId);
      // A shopper's purchases before they became a member are not a member's transactions.
      if (m && s.period >= periodOf(m.joinedAt)) add(m.memberId, s.amount);
    }
  }
  const names = new Map(known.map((m) => [m.memberId, m.displayName]));
  const ids = new Set([...names.keys(), ...balances.keys(), ...transactions.keys()]);
  const members = [...ids].sort().map((memberId) => {
    const b = balances.get(memberId);
    return {
      memberId,
      displayName: names.get(memberId) ?? memberId,
      savings: Math.max(0, (b?.pokok ?? 0) + (b?.wajib ?? 0)),
      transactions: transactions.get(memberId) ?? 0,
    };
  });
  return { members, known };
}
