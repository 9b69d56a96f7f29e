import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BooksDownloads } from '~/components/books-downloads';
import { BooksPeriodPicker } from '~/components/books-period-picker';
import { BalanceTable } from '~/components/books-tables';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { periodLabel } from '~/utils/books';
import { incomeStatementReport } from '~/utils/books.server';
import { loadReport } from '~/utils/books-report.server';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';

export const loader = (args: LoaderFunctionArgs) =>
  loadReport(args, 'laba-rugi', (token, ctx, period) =>
    incomeStatementReport(token, ctx.cooperativeId, period),
  );

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'books.report.laba-rugi') }];

/** Laporan laba rugi: income less expenses of the period is its SHU (sisa hasil usaha). */
export default function IncomeStatementPage() {
  const { period, years, errors, accounts, report } = useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  return (
    <>
      <h1>{t('books.report.laba-rugi')}</h1>
      <p className="muted">{t('books.report.laba-rugi.about')}</p>
      <BooksPeriodPicker period={period} years={years} errors={errors} />
      {report ? (
        <>
          <h2>{periodLabel(period, lang)}</h2>
          <BooksDownloads slug={cooperative.slug} report="laba-rugi" period={period} />
          <BalanceTable
            caption={t('books.income')}
            rows={report.pendapatan}
            accounts={accounts}
            total={report.totalPendapatan}
            totalLabel={t('books.totalIncome')}
            testId="income"
          />
          <BalanceTable
            caption={t('books.expenses')}
            rows={report.beban}
            accounts={accounts}
            total={report.totalBeban}
            totalLabel={t('books.totalExpenses')}
            testId="expenses"
          />
          <dl className="facts">
            <dt>{t('books.shuOfPeriod')}</dt>
            <dd>
              <strong data-testid="shu">{formatRupiah(report.shu)}</strong>
            </dd>
          </dl>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
