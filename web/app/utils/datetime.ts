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
