/**
 * Nota numbers: a sequence per cooperative and calendar year (Asia/Jakarta), shown to shoppers
 * and staff instead of the internal id: `KRB-2026-000123`.
 *
 * The short code is derived from the cooperative id alone (its first three letters, upper-case:
 * `karangbesuki` → `KAR`), so it never changes when a cooperative renames its market; the
 * cooperative snapshot carries no code of its own. Ids with fewer than two letters are padded
 * with X (the contract wants 2 to 6 letters).
 */
export function cooperativeCode(cooperativeId: string): string {
  const letters = cooperativeId
    .replace(/[^a-z]/g, '')
    .slice(0, 3)
    .toUpperCase();
  return letters.padEnd(2, 'X');
}

export function formatNotaNumber(code: string, year: number, seq: number): string {
  return `${code}-${year}-${String(seq).padStart(6, '0')}`;
}

/** The counter a nota number is drawn from: one per cooperative and year. */
export function notaCounterKey(cooperativeId: string, year: number): string {
  return `${cooperativeId}:${year}`;
}
