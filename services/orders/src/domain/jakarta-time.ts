/**
 * Calendar time in Asia/Jakarta (WIB), where the cooperatives' days, weeks and years are counted.
 * WIB is UTC+7 all year (Indonesia has no daylight saving), so a fixed offset is exact: shift an
 * instant by it and read the UTC fields as Jakarta wall-clock time.
 */
export const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The year of `at` in Jakarta: a nota of 31 Dec 23:30 WIB is that year's. */
export function jakartaYear(at: Date): number {
  return new Date(at.getTime() + WIB_OFFSET_MS).getUTCFullYear();
}

/** `YYYY-MM-DD` of `at` in Jakarta. */
export function jakartaDay(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instants a Jakarta calendar day starts and ends (end exclusive). */
export function jakartaDayRange(day: string): { start: Date; end: Date } {
  const start = new Date(Date.parse(`${day}T00:00:00.000Z`) - WIB_OFFSET_MS);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/** When the Jakarta day `daysBack` days before `now`'s day began (as an instant). */
export function jakartaDayStart(now: Date, daysBack = 0): Date {
  const local = now.getTime() + WIB_OFFSET_MS;
  return new Date(local - (local % DAY_MS) - daysBack * DAY_MS - WIB_OFFSET_MS);
}
