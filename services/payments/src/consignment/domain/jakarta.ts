/** Asia/Jakarta (WIB) is UTC+7 all year, with no daylight saving. */
const WIB_MS = 7 * 3_600_000;
export const DAY_MS = 24 * 3_600_000;

/** The Jakarta calendar day of an instant, YYYY-MM-DD. */
export function jakartaDay(at: Date): string {
  return new Date(at.getTime() + WIB_MS).toISOString().slice(0, 10);
}

/** 00:00 in Jakarta of a YYYY-MM-DD day, as an instant. */
export function jakartaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** A Jakarta calendar month (YYYY-MM) as the instants [from, to). */
export function jakartaMonth(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: jakartaDayStart(`${month}-01`), to: jakartaDayStart(`${next}-01`) };
}
