import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BooksDownloads } from '~/components/books-downloads';
import { BooksPeriodPicker } from '~/components/books-period-picker';
import { BalanceTable } from '~/components/books-tables';
import { Notice } from '~/components/notice';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { periodName } from '~/utils/books';
import { balanceSheetReport } from '~/utils/books.server';
import { loadReport } from '~/utils/books-report.server';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';

export const loader = (args: LoaderFunctionArgs) =>
  loadReport(args, 'neraca', (token, ctx, period) => balanceSheetReport(token, ctx.cooperativeId, period));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'books.report.neraca') }];

/** Neraca: assets against liabilities and equity at the end of the period (with the SHU not yet closed). */
export default function BalanceSheetPage() {
  const { period, years, errors, accounts, report } = useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  return (
    <>
      <h1>{t('books.report.neraca')}</h1>
      <p className="muted">{t('books.report.neraca.about')}</p>
      <BooksPeriodPicker period={period} years={years} errors={errors} />
      {report ? (
        <>
          <h2>{t('books.asOf', { period: periodName(report.asOf, lang) })}</h2>
          <BooksDownloads slug={cooperative.slug} report="neraca" period={period} />
          {report.balanced ? null : <Notice tone="error">{t('books.unbalanced')}</Notice>}
          <BalanceTable
            caption={t('books.class.aset')}
            rows={report.aset}
            accounts={accounts}
            total={report.totalAset}
            totalLabel={t('books.totalAssets')}
            testId="assets"
          />
          <BalanceTable
            caption={t('books.class.kewajiban')}
            rows={report.kewajiban}
            accounts={accounts}
            total={report.totalKewajiban}
            totalLabel={t('books.totalLiabilities')}
          />
          <BalanceTable
            caption={t('books.class.ekuitas')}
            rows={report.ekuitas}
            accounts={accounts}
            total={report.totalEkuitas}
            totalLabel={t('books.totalEquity')}
            extra={
              <tr>
                <td />
                <th scope="row">{t('books.shuUnclosed')}</th>
                <td className="amount">{formatRupiah(report.shuBelumDitutup)}</td>
              </tr>
            }
          />
          <dl className="facts">
            <dt>{t('books.liabilitiesAndEquity')}</dt>
            <dd>
              <strong>{formatRupiah(report.totalKewajiban + report.totalEkuitas)}</strong>
            </dd>
          </dl>
        </>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
