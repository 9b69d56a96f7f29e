import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { PendingEntry, ProposeForm, usePerson } from '~/components/books-manual';
import { EntryLink } from '~/components/books-tables';
import { FlashNotice } from '~/components/flash-notice';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import booksCss from '~/styles/books.css?url';
import { formAction } from '~/utils/action.server';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { loadManualEntries, manualEntriesAction } from './journal.server';

export const loader = (args: LoaderFunctionArgs) => loadManualEntries(args);
export const action = formAction((args: ActionFunctionArgs) => manualEntriesAction(args));

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: booksCss }];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'books.manual.title') }];

const total = (lines: readonly { debit: number }[]) => lines.reduce((s, l) => s + l.debit, 0);

export default function ManualEntriesPage() {
  const { pending, decided, accounts, me, canPropose, canDecide, rows, today, formKey, notice } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  const person = usePerson(me);
  const proposal = actionData?.target === 'propose' ? actionData : undefined;
  return (
    <>
      <h1>{t('books.manual.title')}</h1>
      <FlashNotice notice={notice} />
      <p className="muted">{t('books.manual.intro')}</p>

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t('books.manual.pending')}</h2>
        {pending.length === 0 ? (
          <p>{t('books.manual.noPending')}</p>
        ) : (
          <ul className="card-list books-wide">
            {pending.map((e) => {
              const mine = actionData?.target === e.id ? actionData : undefined;
              return (
                <PendingEntry
                  key={e.id}
                  entry={e}
                  accounts={accounts}
                  me={me}
                  canDecide={canDecide}
                  errors={mine?.errors}
                  reason={mine?.values.reason}
                />
              );
            })}
          </ul>
        )}
      </section>

      {canPropose ? (
        <section aria-labelledby="propose-title">
          <h2 id="propose-title">{t('books.manual.proposeTitle')}</h2>
          <ProposeForm
            key={formKey}
            accounts={accounts}
            rows={rows}
            today={today}
            errors={proposal?.errors}
            values={proposal?.values}
          />
        </section>
      ) : (
        <p className="muted">{t('books.manual.bendaharaProposes')}</p>
      )}

      <section aria-labelledby="decided-title">
        <h2 id="decided-title">{t('books.manual.decided')}</h2>
        {decided.length === 0 ? (
          <p>{t('books.manual.noDecided')}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="decided-entries">
              <caption className="visually-hidden">{t('books.manual.decided')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('books.date')}</th>
                  <th scope="col">{t('books.manual.memo')}</th>
                  <th scope="col" className="amount">
                    {t('books.amount')}
                  </th>
                  <th scope="col">{t('books.manual.status')}</th>
                  <th scope="col">{t('books.manual.decidedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {decided.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.occurredAt, lang)}</td>
                    <th scope="row">
                      {e.entryId ? (
                        <EntryLink slug={cooperative.slug} entryId={e.entryId}>
                          {e.memo}
                        </EntryLink>
                      ) : (
                        e.memo
                      )}
                    </th>
                    <td className="amount">{formatRupiah(total(e.lines))}</td>
                    <td>
                      {t(`books.manual.status.${e.status}`)}
                      {e.rejectReason ? (
                        <>
                          <br />
                          <span className="muted">
                            {t('books.manual.reason', { reason: e.rejectReason })}
                          </span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      {person(e.decidedBy)}
                      {e.decidedAt ? (
                        <>
                          <br />
                          <span className="muted">{formatDateTime(e.decidedAt, lang)}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
