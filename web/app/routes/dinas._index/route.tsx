import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { BooksChart } from '~/components/books-chart';
import { BooksPeriodPicker } from '~/components/books-period-picker';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import booksCss from '~/styles/books.css?url';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { loadAggregate } from './aggregate.server';

export const loader = (args: LoaderFunctionArgs) => loadAggregate(args);

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: booksCss }];

export const headers: HeadersFunction = ({ parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  merged.set('Cache-Control', 'private, no-store');
  return merged;
};

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'books.dinas.title') },
  { name: 'robots', content: 'noindex' },
];

/** /dinas: the cooperatives' figures side by side for the city office (Dinas Koperasi). */
export default function DinasPage() {
  const { year, years, errors, cooperatives, totals } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('books.dinas.heading', { year })}</h1>
      <p className="muted">{t('books.dinas.intro')}</p>
      <BooksPeriodPicker period={{ year, month: null }} years={years} errors={errors} monthly={false} />
      {totals ? (
        <dl className="stat-tiles" data-testid="dinas-totals">
          <div>
            <dt>{t('books.dinas.cooperatives')}</dt>
            <dd>{totals.cooperatives}</dd>
          </div>
          <div>
            <dt>{t('books.sales')}</dt>
            <dd>{formatRupiah(totals.sales)}</dd>
          </div>
          <div>
            <dt>{t('books.shu')}</dt>
            <dd>{formatRupiah(totals.shu)}</dd>
          </div>
          <div>
            <dt>{t('books.dinas.savings')}</dt>
            <dd>{formatRupiah(totals.savings)}</dd>
          </div>
        </dl>
      ) : null}
      {cooperatives.length === 0 ? (
        errors ? null : (
          <p>{t('books.dinas.empty', { year })}</p>
        )
      ) : (
        <>
          <BooksChart
            id="dinas-chart"
            title={t('books.dinas.chartTitle', { year })}
            desc={t('books.dinas.chartDesc', { count: cooperatives.length })}
            groups={cooperatives.map((c) => ({ short: c.cooperativeId.slice(0, 12), long: c.name }))}
            groupHeader={t('books.dinas.cooperative')}
            bars={[
              { label: t('books.sales'), values: cooperatives.map((c) => c.sales) },
              { label: t('books.shu'), values: cooperatives.map((c) => c.shu) },
            ]}
            tableCaption={t('books.dinas.chartTitle', { year })}
            axisLabels={cooperatives.length <= 12}
          />
          <div className="table-scroll">
            <table data-testid="dinas-cooperatives">
              <caption>{t('books.dinas.caption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('books.dinas.cooperative')}</th>
                  <th scope="col" className="amount">
                    {t('books.sales')}
                  </th>
                  <th scope="col" className="amount">
                    {t('books.shu')}
                  </th>
                  <th scope="col" className="amount">
                    {t('books.dinas.pokok')}
                  </th>
                  <th scope="col" className="amount">
                    {t('books.dinas.wajib')}
                  </th>
                  <th scope="col" className="amount">
                    {t('books.dinas.sukarela')}
                  </th>
                  <th scope="col" className="amount">
                    {t('books.dinas.savings')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {cooperatives.map((c) => (
                  <tr key={c.cooperativeId}>
                    <th scope="row">{c.name}</th>
                    <td className="amount">{formatRupiah(c.sales)}</td>
                    <td className="amount">{formatRupiah(c.shu)}</td>
                    <td className="amount">{formatRupiah(c.savings.pokok)}</td>
                    <td className="amount">{formatRupiah(c.savings.wajib)}</td>
                    <td className="amount">{formatRupiah(c.savings.sukarela)}</td>
                    <td className="amount">{formatRupiah(c.savings.total)}</td>
                  </tr>
                ))}
              </tbody>
              {totals ? (
                <tfoot>
                  <tr>
                    <th scope="row">{t('books.total')}</th>
                    <td className="amount">{formatRupiah(totals.sales)}</td>
                    <td className="amount">{formatRupiah(totals.shu)}</td>
                    {(['pokok', 'wajib', 'sukarela'] as const).map((kind) => (
                      <td key={kind} className="amount">
                        {formatRupiah(cooperatives.reduce((sum, c) => sum + c.savings[kind], 0))}
                      </td>
                    ))}
                    <td className="amount">{formatRupiah(totals.savings)}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
          </div>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
