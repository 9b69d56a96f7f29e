import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { usePerson } from '~/components/books-manual';
import { BooksPeriodPicker } from '~/components/books-period-picker';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import booksCss from '~/styles/books.css?url';
import { formAction } from '~/utils/action.server';
import { type MonthState, periodName } from '~/utils/books';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { loadPeriods, periodsAction } from './periods.server';

export const loader = (args: LoaderFunctionArgs) => loadPeriods(args);
export const action = formAction((args: ActionFunctionArgs) => periodsAction(args));

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: booksCss }];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'books.periods.title') }];

function CloseButton({ period, label }: { period: string; label: string }) {
  return (
    <Form method="post" noValidate aria-label={label}>
      <input type="hidden" name="intent" value="close" />
      <input type="hidden" name="period" value={period} />
      <button type="submit">{label}</button>
    </Form>
  );
}

export default function PeriodsPage() {
  const { year, years, errors, months, yearClosable, canClose, me, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang } = useI18n();
  const person = usePerson(me);
  const status = (m: MonthState) =>
    m.status === 'closed'
      ? t('books.periods.status.closed')
      : m.ended
        ? t('books.periods.status.open')
        : t('books.periods.status.running');
  return (
    <>
      <h1>{t('books.periods.title')}</h1>
      <FlashNotice notice={notice} />
      <p className="muted">{t('books.periods.intro')}</p>
      <BooksPeriodPicker period={{ year, month: null }} years={years} errors={errors} monthly={false} />
      {actionData ? (
        <div data-testid="close-refused">
          <FormErrors errors={actionData.errors} />
        </div>
      ) : null}
      <div className="table-scroll">
        <table data-testid="periods">
          <caption>{t('books.periods.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('books.period.month')}</th>
              <th scope="col">{t('books.periods.status')}</th>
              <th scope="col" className="amount">
                {t('books.periods.entries')}
              </th>
              <th scope="col">{t('books.periods.closedAt')}</th>
              {canClose ? <th scope="col">{t('books.periods.action')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.period} data-testid="period-row" data-period={m.period}>
                <th scope="row">{periodName(m.period, lang)}</th>
                <td className={m.status === 'closed' ? 'status-closed' : undefined}>{status(m)}</td>
                <td className="amount">{m.admitted}</td>
                <td>
                  {m.closedAt ? (
                    <>
                      {formatDateTime(m.closedAt, lang)}
                      <br />
                      <span className="muted">{person(m.closedBy)}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                {canClose ? (
                  <td>
                    {m.status === 'open' && m.ended ? (
                      <CloseButton
                        period={m.period}
                        label={t('books.periods.closeMonth', { period: periodName(m.period, lang) })}
                      />
                    ) : m.status === 'open' ? (
                      <span className="muted">{t('books.periods.notEnded')}</span>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canClose && yearClosable ? (
        <section aria-labelledby="close-year-title">
          <h2 id="close-year-title">{t('books.periods.closeYearTitle', { year })}</h2>
          <p>{t('books.periods.closeYearHelp')}</p>
          <CloseButton period={String(year)} label={t('books.periods.closeYear', { year })} />
        </section>
      ) : null}
      {canClose ? null : <p className="muted">{t('books.periods.bendaharaCloses')}</p>}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
