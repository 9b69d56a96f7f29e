import { type BookPeriod, type BookReport, periodSearch } from '~/utils/books';
import { useI18n } from '~/utils/use-i18n';

/**
 * CSV and PDF of the report on screen, through the web's download route (the ledger token stays on
 * the server). Plain links: the browser downloads them without JavaScript.
 */
export function BooksDownloads({
  slug,
  report,
  period,
  account,
}: {
  slug: string;
  report: BookReport;
  period: BookPeriod;
  account?: string;
}) {
  const { t } = useI18n();
  const href = (format: 'csv' | 'pdf') =>
    `/kelola/${slug}/buku/unduh?${new URLSearchParams({
      laporan: report,
      ...periodSearch(period),
      ...(account ? { akun: account } : {}),
      format,
    })}`;
  return (
    <p className="actions">
      <a className="button button-secondary" href={href('csv')} download>
        {t('books.download.csv')}
      </a>
      <a className="button button-secondary" href={href('pdf')} download>
        {t('books.download.pdf')}
      </a>
    </p>
  );
}
