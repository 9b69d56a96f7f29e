import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { TextField } from '~/components/field';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formatDay } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import type { ProductSales } from '~/utils/sellers';
import { useI18n } from '~/utils/use-i18n';
import { loadSales } from './sales.server';

export const loader = (args: LoaderFunctionArgs) => loadSales(args);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'sell.section.sales') }];

function SalesTable({ rows, caption }: { rows: ProductSales[]; caption: string }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sell.sales.product')}</th>
            <th scope="col">{t('sell.sales.quantity')}</th>
            <th scope="col">{t('sell.sales.amount')}</th>
            <th scope="col">{t('sell.sales.notas')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.productId} data-testid="sales-row">
              <th scope="row">{r.name}</th>
              <td>{r.quantity}</td>
              <td className="amount">{formatRupiah(r.amount)}</td>
              <td>
                <span className="muted">{r.notaNumbers.join(', ')}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function SalesPage() {
  const { values, errors, report } = useLoaderData<typeof loader>();
  const { t, lang } = useI18n();
  return (
    <>
      <h1>{t('sell.section.sales')}</h1>
      <p className="muted">{t('sell.sales.help')}</p>
      <Form method="get" className="filters-inline">
        <TextField
          name="from"
          type="date"
          label={t('sell.sales.from')}
          defaultValue={values.from}
          error={errors.from}
        />
        <TextField
          name="to"
          type="date"
          label={t('sell.sales.to')}
          defaultValue={values.to}
          error={errors.to}
        />
        <button type="submit">{t('consignment.show')}</button>
      </Form>
      {report ? (
        report.products.length === 0 ? (
          <p>{t('sell.sales.none')}</p>
        ) : (
          <>
            <p data-testid="sales-total">
              {t('sell.sales.total', { quantity: report.quantity, amount: formatRupiah(report.amount) })}
            </p>
            <section aria-labelledby="per-product">
              <h2 id="per-product">{t('sell.sales.perProduct')}</h2>
              <SalesTable rows={report.products} caption={t('sell.sales.perProduct')} />
            </section>
            <section aria-labelledby="per-day">
              <h2 id="per-day">{t('sell.sales.perDay')}</h2>
              {report.days.map((day) => (
                <div key={day.date}>
                  <h3>
                    {formatDay(day.date, lang)} · {formatRupiah(day.amount)}
                  </h3>
                  <SalesTable rows={day.products} caption={formatDay(day.date, lang)} />
                </div>
              ))}
            </section>
          </>
        )
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
