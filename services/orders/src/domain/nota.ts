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

/** The year of `at` in Asia/Jakarta (UTC+7, no daylight saving): a nota of 31 Dec 23:30 WIB is that year's. */
export function jakartaYear(at: Date): number {
  return new Date(at.getTime() + JAKARTA_OFFSET_MS).getUTCFullYear();
}

export const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `at` in Asia/Jakarta. */
export function jakartaDay(at: Date): string {
  return new Date(at.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instants a Jakarta calendar day starts and ends (end exclusive). */
export function jakartaDayRange(day: string): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${day}T00:00:00.000Z`) - JAKARTA_OFFSET_MS);
  return { start, end: new Date(start.getTime() + 24 * 60 * 60 * 1000) };
}

export function formatNotaNumber(code: string, year: number, seq: number): string {
  return `${code}-${year}-${String(seq).padStart(6, '0')}`;
}

/** The counter a nota number is drawn from: one per cooperative and year. */
export function notaCounterKey(cooperativeId: string, year: number): string {
  return `${cooperativeId}:${year}`;
}
