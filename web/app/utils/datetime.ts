import { type Lang, localeOf } from './i18n';

/**
 * Dates and times in the cooperatives' own zone (WIB), the same on the server and in the browser,
 * so a rendered time never changes on hydration.
 */
const TIME_ZONE = 'Asia/Jakarta';

export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(localeOf(lang), {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  return `${text} WIB`;
}

/** Today's calendar date in WIB as YYYY-MM-DD (what the reconciliation form starts with). */
export function jakartaToday(now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A calendar date (YYYY-MM-DD, already a WIB date) in words: "12 Mei 2026". */
export function formatDay(day: string, lang: Lang): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(localeOf(lang), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}
