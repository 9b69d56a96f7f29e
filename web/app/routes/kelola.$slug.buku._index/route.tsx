import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { BooksChart } from '~/components/books-chart';
import { BooksPeriodPicker } from '~/components/books-period-picker';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { BOOK_REPORTS, DEFAULT_SPAN, monthName, periodName } from '~/utils/books';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { loadOverview } from './overview.server';

export const loader = (args: LoaderFunctionArgs) => loadOverview(args);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'books.overview.title') }];

export default function BooksOverview() {
  const { year, years, errors, figures, totals } = useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  const base = `/kelola/${cooperative.slug}/buku`;
  return (
    <>
      <h1>{t('books.overview.heading', { year })}</h1>
      <p className="muted">{t('books.overview.intro')}</p>
      <BooksPeriodPicker period={{ year, month: null }} years={years} errors={errors} monthly={false} />
      {figures.length === 0 ? (
        <p>{errors ? null : t('books.overview.notYet', { year })}</p>
      ) : (
        <>
          <dl className="stat-tiles" data-testid="year-totals">
            <div>
              <dt>{t('books.income')}</dt>
              <dd>{formatRupiah(totals.income)}</dd>
            </div>
            <div>
              <dt>{t('books.expenses')}</dt>
              <dd>{formatRupiah(totals.expenses)}</dd>
            </div>
            <div>
              <dt>{t('books.shu')}</dt>
              <dd>{formatRupiah(totals.shu)}</dd>
            </div>
            <div>
              <dt>{t('books.sales')}</dt>
              <dd>{formatRupiah(totals.sales)}</dd>
            </div>
          </dl>
          <BooksChart
            id="books-months"
            title={t('books.overview.chartTitle', { year })}
            desc={t('books.overview.chartDesc', {
              income: formatRupiah(totals.income),
              expenses: formatRupiah(totals.expenses),
              sales: formatRupiah(totals.sales),
            })}
            groups={figures.map((f) => ({
              short: monthName(f.period.slice(5), lang, 'short'),
              long: periodName(f.period, lang),
            }))}
            groupHeader={t('books.period.month')}
            bars={[
              { label: t('books.income'), values: figures.map((f) => f.income) },
              { label: t('books.expenses'), values: figures.map((f) => f.expenses) },
            ]}
            line={{ label: t('books.sales'), values: figures.map((f) => f.sales) }}
            tableCaption={t('books.overview.chartTitle', { year })}
          />
        </>
      )}
      <section aria-labelledby="reports-title">
        <h2 id="reports-title">{t('books.reports')}</h2>
        <ul className="card-list">
          {BOOK_REPORTS.map((report) => (
            <li key={report} className="card">
              <h3>
                <Link to={`${base}/${report}${DEFAULT_SPAN[report] === 'year' ? `?tahun=${year}` : ''}`}>
                  {t(`books.report.${report}`)}
                </Link>
              </h3>
              <p>{t(`books.report.${report}.about`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
