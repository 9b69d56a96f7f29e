import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BooksDownloads } from '~/components/books-downloads';
import { BooksPeriodPicker } from '~/components/books-period-picker';
import { EntryLink } from '~/components/books-tables';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { accountName, periodLabel } from '~/utils/books';
import { journalReport } from '~/utils/books.server';
import { loadReport } from '~/utils/books-report.server';
import { formatDateTime } from '~/utils/datetime';
import { labelOf } from '~/utils/i18n';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';

export const loader = (args: LoaderFunctionArgs) =>
  loadReport(args, 'jurnal-umum', (token, ctx, period) => journalReport(token, ctx.cooperativeId, period));

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'books.report.jurnal-umum') },
];

/** On screen at most this many entries; the CSV and PDF hold them all. */
const SHOWN = 300;

/** Jurnal umum: every entry of the period in booking order, each line with its debit or credit. */
export default function JournalReportPage() {
  const { period, years, errors, accounts, report } = useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  const entries = report?.entries.slice(0, SHOWN) ?? [];
  return (
    <>
      <h1>{t('books.report.jurnal-umum')}</h1>
      <p className="muted">{t('books.report.jurnal-umum.about')}</p>
      <BooksPeriodPicker period={period} years={years} errors={errors} />
      {report ? (
        <>
          <h2>{periodLabel(period, lang)}</h2>
          <BooksDownloads slug={cooperative.slug} report="jurnal-umum" period={period} />
          {report.entries.length > SHOWN ? (
            <p className="notice notice-info">
              {t('books.journal.truncated', { shown: SHOWN, all: report.entries.length })}
            </p>
          ) : null}
          {report.entries.length === 0 ? (
            <p>{t('books.journal.empty')}</p>
          ) : (
            <div className="table-scroll">
              <table data-testid="journal">
                <caption className="visually-hidden">
                  {t('books.report.jurnal-umum')} {periodLabel(period, lang)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('books.date')}</th>
                    <th scope="col">{t('books.entry')}</th>
                    <th scope="col">{t('books.account')}</th>
                    <th scope="col" className="amount">
                      {t('books.debit')}
                    </th>
                    <th scope="col" className="amount">
                      {t('books.credit')}
                    </th>
                  </tr>
                </thead>
                {entries.map((e) => (
                  <tbody key={e.entryId} className="entry-group">
                    {e.lines.map((l, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the lines of an entry keep their order.
                      <tr key={i}>
                        {i === 0 ? (
                          <>
                            <td rowSpan={e.lines.length}>{formatDateTime(e.occurredAt, lang)}</td>
                            <th scope="rowgroup" rowSpan={e.lines.length}>
                              <EntryLink slug={cooperative.slug} entryId={e.entryId}>
                                {e.memo}
                              </EntryLink>
                              <br />
                              <span className="muted">
                                {labelOf(lang, 'books.kind', e.kind)}
                                {e.lateFor ? ` · ${t('books.journal.lateFor', { period: e.lateFor })}` : ''}
                              </span>
                            </th>
                          </>
                        ) : null}
                        <td>
                          {l.account} {accountName(l.account, accounts, lang, l.accountName)}
                        </td>
                        <td className="amount">{l.debit > 0 ? formatRupiah(l.debit) : ''}</td>
                        <td className="amount">{l.credit > 0 ? formatRupiah(l.credit) : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                ))}
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={3}>
                      {t('books.total')}
                    </th>
                    <td className="amount">{formatRupiah(report.totalDebit)}</td>
                    <td className="amount">{formatRupiah(report.totalCredit)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
