import { auditEvent, type Principal, ValidationError } from '@pasar/service-kit';
import { checkAllocation, InvalidAllocation, SHU_POOLS, type ShuAllocation } from '../../domain/shu';
import { type AllocationRecord, type LedgerDeps, now } from '../ports';
import { requireKetuaOrBendahara } from './access';

/** The cooperative's allocation of SHU from its AD/ART (null until the board sets it). */
export async function getAllocation(deps: LedgerDeps, cooperativeId: string) {
  const record = await deps.shu.allocation(cooperativeId);
  return {
    cooperativeId,
    allocation: record?.allocation ?? null,
    updatedBy: record?.updatedBy ?? null,
    updatedAt: record?.updatedAt ?? null,
  };
}

/**
 * The ketua or the bendahara sets the allocation (basis points, summing to 10,000 = 100 %): what
 * the next draft uses; a draft already computed keeps the allocation it was computed with. Audited.
 */
export async function setAllocation(
  deps: LedgerDeps,
  principal: Principal,
  cooperativeId: string,
  allocation: ShuAllocation,
): Promise<AllocationRecord> {
  requireKetuaOrBendahara(principal, cooperativeId);
  const clean = Object.fromEntries(SHU_POOLS.map((p) => [p, allocation[p]])) as ShuAllocation;
  try {
    checkAllocation(clean);
  } catch (err) {
    if (!(err instanceof InvalidAllocation)) throw err;
    const sum = SHU_POOLS.reduce((s, p) => s + clean[p], 0);
    throw new ValidationError([
      {
        field: 'total',
        message: `the eight percentages must sum to 100 % (they sum to ${String(sum / 100).replace('.', ',')} %)`,
      },
    ]);
  }
  const before = await deps.shu.allocation(cooperativeId);
  const at = now(deps);
  const record: AllocationRecord = {
    cooperativeId,
    allocation: clean,
    updatedBy: principal.personId,
    updatedAt: at.toISOString(),
  };
  const audit = auditEvent({
    cooperativeId,
    principal,
    action: 'ledger.shu-allocation.set',
    target: { type: 'shu-allocation', id: cooperativeId },
    ...(before ? { before: { ...before.allocation } } : {}),
    after: { ...clean },
    at,
  });
  await deps.shu.putAllocation(record, [audit]);
  deps.onEventsWritten?.('allocations', cooperativeId);
  return record;
}
