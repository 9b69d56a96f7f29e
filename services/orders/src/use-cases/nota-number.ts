import { jakartaYear } from '../domain/jakarta-time';
import { cooperativeCode, formatNotaNumber } from '../domain/nota';
import type { OrdersDeps } from './ports';

/**
 * The next nota number of the cooperative's year (Asia/Jakarta). Drawn before the order is
 * written: a duplicate request that loses the insert race leaves a gap in the sequence, never a
 * repeat (a gap is honest; a nota number used twice would not be).
 */
export async function nextNotaNumber(deps: OrdersDeps, cooperativeId: string, at: Date): Promise<string> {
  const year = jakartaYear(at);
  const seq = await deps.notaCounters.next(cooperativeId, year);
  return formatNotaNumber(cooperativeCode(cooperativeId), year, seq);
}
