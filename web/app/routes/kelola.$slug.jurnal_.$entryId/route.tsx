import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { usePerson } from '~/components/books-manual';
import { EntryLines, EntryLink } from '~/components/books-tables';
import { TextField } from '~/components/field';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import booksCss from '~/styles/books.css?url';
import { formAction } from '~/utils/action.server';
import { periodName } from '~/utils/books';
import { formatDateTime } from '~/utils/datetime';
import { labelOf } from '~/utils/i18n';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { entryAction, loadEntry } from './entry.server';

export const loader = (args: LoaderFunctionArgs) => loadEntry(args);
export const action = formAction((args: ActionFunctionArgs) => entryAction(args));

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: booksCss }];

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'books.entry.title') }];

/** A journal entry as booked (never edited); the bendahara corrects it with its reversing entry. */
export default function JournalEntryPage() {
  const { entry, reversal, accounts, me, canReverse, isBendahara, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  const person = usePerson(me);
  return (
    <>
      <p>
        <Link to={`/kelola/${cooperative.slug}/buku/jurnal-umum`}>{t('books.entry.back')}</Link>
      </p>
      <h1>{entry.memo}</h1>
      <FlashNotice notice={notice} />
      <dl className="facts">
        <dt>{t('books.entry.id')}</dt>
        <dd>
          <code>{entry.entryId}</code>
        </dd>
        <dt>{t('books.entry.kind')}</dt>
        <dd>{labelOf(lang, 'books.kind', entry.kind)}</dd>
        <dt>{t('books.date')}</dt>
        <dd>{formatDateTime(entry.occurredAt, lang)}</dd>
        <dt>{t('books.entry.period')}</dt>
        <dd>
          {periodName(entry.period, lang)}
          {entry.lateFor
            ? ` · ${t('books.journal.lateFor', { period: periodName(entry.lateFor, lang) })}`
            : ''}
        </dd>
        {entry.proposedBy ? (
          <>
            <dt>{t('books.manual.proposedBy')}</dt>
            <dd>{person(entry.proposedBy)}</dd>
          </>
        ) : null}
        {entry.approvedBy ? (
          <>
            <dt>{entry.kind === 'reversal' ? t('books.entry.reversedBy') : t('books.manual.approvedBy')}</dt>
            <dd>{person(entry.approvedBy)}</dd>
          </>
        ) : null}
      </dl>
      <EntryLines caption={entry.memo} lines={entry.lines} accounts={accounts} />
      {entry.reverses ? (
        <p>
          {t('books.entry.reverses')} <EntryLink slug={cooperative.slug} entryId={entry.reverses} />
        </p>
      ) : null}
      {reversal ? (
        <p data-testid="reversed">
          {t('books.entry.reversedAlready')}{' '}
          <EntryLink slug={cooperative.slug} entryId={reversal.entryId}>
            {reversal.memo}
          </EntryLink>
        </p>
      ) : null}
      {canReverse ? (
        <section aria-labelledby="reverse-title">
          <h2 id="reverse-title">{t('books.entry.reverseTitle')}</h2>
          <p className="muted">{t('books.entry.reverseHelp')}</p>
          <Form method="post" noValidate aria-labelledby="reverse-title">
            <FormErrors errors={actionData?.errors} />
            <TextField
              name="memo"
              label={t('books.entry.reverseMemo')}
              autoComplete="off"
              required
              maxLength={300}
              defaultValue={actionData?.values.memo}
              error={actionData?.errors.memo}
            />
            <button type="submit" className="button-danger">
              {t('books.entry.reverse')}
            </button>
          </Form>
        </section>
      ) : !isBendahara && entry.kind !== 'reversal' && !reversal ? (
        <p className="muted">{t('books.entry.bendaharaReverses')}</p>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
