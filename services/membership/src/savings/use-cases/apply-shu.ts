import type { EventOf, ShuDistributed } from '@pasar/contracts';
import { applyShu, emptyAccount } from '../domain/account';
import { nowOf, type SavingsDeps } from './ports';
import { retryOnConflict } from './retry';

/**
 * The RAT's SHU was distributed (the ledger booked it already, so nothing is published here).
 * `to: 'sukarela'`: each listed member's simpanan sukarela is credited, a movement of source `shu`.
 * `to: 'cash' | 'transfer'`: the SHU was paid out; each member's history gets a line saying so and
 * no balance moves. We record it rather than ignore it because the passbook is where a member looks
 * for "did I get my SHU?", and the ledger's books are not theirs to read.
 * Idempotent per SHU run and member (`shu:<shuId>` in the account); a redelivery credits nothing
 * twice. A member this cooperative does not know is an inconsistency, not something to guess: the
 * others are applied, then the handler throws (retries, then the dead-letter topic).
 */
export async function applyShuDistributed(
  deps: SavingsDeps,
  event: EventOf<typeof ShuDistributed>,
): Promise<{ applied: number; unchanged: number }> {
  const d = event.data;
  const unknown: string[] = [];
  let applied = 0;
  let unchanged = 0;
  for (const line of d.members) {
    if (line.amount <= 0) continue;
    const member = await deps.members.findById(line.memberId);
    if (!member || member.cooperativeId !== d.cooperativeId) {
      unknown.push(line.memberId);
      continue;
    }
    const changed = await retryOnConflict(async () => {
      const account =
        (await deps.store.getAccount(d.cooperativeId, line.memberId)) ??
        emptyAccount(d.cooperativeId, line.memberId);
      const out = applyShu(account, {
        shuId: d.shuId,
        year: d.year,
        amount: line.amount,
        to: d.to,
        at: new Date(d.distributedAt),
        recordedAt: nowOf(deps),
        by: d.distributedBy,
      });
      if (!out.changed) return { saved: true, value: false };
      return { saved: await deps.store.saveAccount(out.account, []), value: true };
    });
    if (changed) applied++;
    else unchanged++;
  }
  deps.logger.info(
    { cooperativeId: d.cooperativeId, shuId: d.shuId, to: d.to, applied, unchanged },
    'SHU distribution applied to the savings sub-ledger',
  );
  if (unknown.length > 0)
    throw new Error(
      `ShuDistributed ${event.id} (${d.shuId}) names ${unknown.length} member(s) unknown in ${d.cooperativeId}: ${unknown.join(', ')}`,
    );
  return { applied, unchanged };
}
