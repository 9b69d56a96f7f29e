import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BooksDownloads } from '~/components/books-downloads';
import { BooksPeriodPicker } from '~/components/books-period-picker';
import { Notice } from '~/components/notice';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { accountName, periodName } from '~/utils/books';
import { trialBalanceReport } from '~/utils/books.server';
import { loadReport } from '~/utils/books-report.server';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';

export const loader = (args: LoaderFunctionArgs) =>
  loadReport(args, 'neraca-saldo', (token, ctx, period) =>
    trialBalanceReport(token, ctx.cooperativeId, period),
  );

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'books.report.neraca-saldo') },
];

/** Neraca saldo: every account's debit and credit totals at the end of the period; they must be equal. */
export default function TrialBalancePage() {
  const { period, years, errors, accounts, report } = useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  return (
    <>
      <h1>{t('books.report.neraca-saldo')}</h1>
      <p className="muted">{t('books.report.neraca-saldo.about')}</p>
      <BooksPeriodPicker period={period} years={years} errors={errors} />
      {report ? (
        <>
          <h2>{t('books.asOf', { period: periodName(report.asOf, lang) })}</h2>
          <BooksDownloads slug={cooperative.slug} report="neraca-saldo" period={period} />
          {report.balanced ? null : <Notice tone="error">{t('books.unbalanced')}</Notice>}
          <div className="table-scroll">
            <table data-testid="trial-balance">
              <caption className="visually-hidden">
                {t('books.report.neraca-saldo')} {t('books.asOf', { period: periodName(report.asOf, lang) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('books.account.code')}</th>
                  <th scope="col">{t('books.account.name')}</th>
                  <th scope="col" className="amount">
                    {t('books.debit')}
                  </th>
                  <th scope="col" className="amount">
                    {t('books.credit')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.rows.length === 0 ? (
                  <tr>
                    <td colSpan={4}>{t('books.noRows')}</td>
                  </tr>
                ) : null}
                {report.rows.map((r) => (
                  <tr key={r.code}>
                    <td>{r.code}</td>
                    <th scope="row">{accountName(r.code, accounts, lang, r.name)}</th>
                    <td className="amount">{formatRupiah(r.debit)}</td>
                    <td className="amount">{formatRupiah(r.credit)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('books.total')}
                  </th>
                  <td className="amount">{formatRupiah(report.totalDebit)}</td>
                  <td className="amount">{formatRupiah(report.totalCredit)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
