import { Form } from '@remix-run/react';
import type { FieldErrors } from '~/schemas/form';
import type { Account, ManualEntry } from '~/utils/books';
import { lineField } from '~/utils/books-lines';
import { formatDateTime } from '~/utils/datetime';
import { useI18n } from '~/utils/use-i18n';
import { EntryLines } from './books-tables';
import { FieldMessage, SelectField, TextField } from './field';
import { FormErrors } from './form-errors';
import { DecisionForm } from './reason-form';

/** Who proposed or decided: "Anda" for the reader, else the person's id (the ledger keeps ids only). */
export function usePerson(me: string) {
  const { t } = useI18n();
  return (personId: string | null) =>
    personId === null ? '—' : personId === me ? t('books.manual.you') : personId;
}

/**
 * A manual entry waiting for a second pengurus: its memo, date and lines, and what the reader may do.
 * The proposer is told they cannot approve their own (they may withdraw it); a pengawas only reads.
 */
export function PendingEntry({
  entry,
  accounts,
  me,
  canDecide,
  errors,
  reason,
}: {
  entry: ManualEntry;
  accounts: readonly Account[];
  me: string;
  canDecide: boolean;
  errors?: FieldErrors;
  reason?: string;
}) {
  const { t, lang } = useI18n();
  const person = usePerson(me);
  const mine = entry.proposedBy === me;
  const hidden = { manualEntryId: entry.id };
  return (
    <li className="card" data-testid="pending-entry">
      <h3>{entry.memo}</h3>
      <dl className="facts">
        <dt>{t('books.date')}</dt>
        <dd>{formatDateTime(entry.occurredAt, lang)}</dd>
        <dt>{t('books.manual.proposedBy')}</dt>
        <dd>
          {person(entry.proposedBy)} · {formatDateTime(entry.proposedAt, lang)}
        </dd>
        <dt>{t('books.manual.status')}</dt>
        <dd>{t(`books.manual.status.${entry.status}`)}</dd>
      </dl>
      <EntryLines caption={entry.memo} lines={entry.lines} accounts={accounts} />
      <FormErrors errors={errors?.form ? { form: errors.form } : undefined} />
      {canDecide && mine ? (
        <>
          <p className="muted" data-testid="own-entry">
            {t('books.manual.ownEntry')}
          </p>
          <DecisionForm
            intent="reject"
            hidden={hidden}
            button={t('books.manual.withdraw')}
            label={t('books.manual.withdrawLabel', { memo: entry.memo })}
            reason={{
              id: `reason-${entry.id}`,
              label: t('books.manual.withdrawReason'),
              defaultValue: reason,
            }}
            errors={errors}
            secondary
          />
        </>
      ) : null}
      {canDecide && !mine && entry.status === 'pending' ? (
        <>
          <DecisionForm
            intent="approve"
            hidden={hidden}
            button={t('books.manual.approve')}
            label={t('books.manual.approveLabel', { memo: entry.memo })}
          />
          <DecisionForm
            intent="reject"
            hidden={hidden}
            button={t('books.manual.reject')}
            label={t('books.manual.rejectLabel', { memo: entry.memo })}
            reason={{
              id: `reason-${entry.id}`,
              label: t('books.manual.rejectReason'),
              hint: t('books.manual.rejectHint'),
              defaultValue: reason,
            }}
            errors={errors}
            secondary
          />
        </>
      ) : null}
      {!canDecide ? <p className="muted">{t('books.manual.readOnly')}</p> : null}
    </li>
  );
}

/**
 * The bendahara's proposal: what it is for, its date, and balanced lines of the chart of accounts.
 * Works without JavaScript: "more rows" posts the form back with two empty rows more (nothing typed is
 * lost); the action checks the totals.
 */
export function ProposeForm({
  accounts,
  rows,
  today,
  errors,
  values,
}: {
  accounts: readonly Account[];
  rows: number;
  today: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}) {
  const { t, lang } = useI18n();
  const count = Math.max(rows, Number(values?.rows ?? 0));
  const options = [
    { value: '', label: t('books.lines.pick') },
    ...accounts.map((a) => ({ value: a.code, label: `${a.code} ${lang === 'en' ? a.nameEn : a.name}` })),
  ];
  return (
    <Form method="post" noValidate aria-labelledby="propose-title">
      <input type="hidden" name="intent" value="propose" />
      <FormErrors errors={errors} />
      <TextField
        name="memo"
        label={t('books.manual.memo')}
        hint={t('books.manual.memoHint')}
        autoComplete="off"
        required
        maxLength={300}
        defaultValue={values?.memo}
        error={errors?.memo}
      />
      <TextField
        name="occurredAt"
        type="date"
        label={t('books.manual.date')}
        hint={t('books.manual.dateHint')}
        required
        max={today}
        defaultValue={values?.occurredAt || today}
        error={errors?.occurredAt}
      />
      <fieldset className="books-lines-set">
        <legend>{t('books.lines.legend')}</legend>
        <p id="lines-hint" className="field-hint">
          {t('books.lines.hint')}
        </p>
        <FieldMessage id="lines-error" error={errors?.lines} />
        <div className="table-scroll">
          <table className="books-lines" aria-describedby="lines-hint">
            <caption className="visually-hidden">{t('books.lines.legend')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('books.account')}</th>
                <th scope="col">{t('books.debit')}</th>
                <th scope="col">{t('books.credit')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: count }, (_, i) => {
                const n = i + 1;
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the form.
                  <tr key={i}>
                    <td>
                      <SelectField
                        name={lineField(i, 'account')}
                        label={<span className="visually-hidden">{t('books.lines.accountOf', { n })}</span>}
                        options={options}
                        defaultValue={values?.[lineField(i, 'account')] ?? ''}
                        error={errors?.[lineField(i, 'account')]}
                      />
                    </td>
                    <td>
                      <TextField
                        name={lineField(i, 'debit')}
                        label={<span className="visually-hidden">{t('books.lines.debitOf', { n })}</span>}
                        inputMode="numeric"
                        autoComplete="off"
                        defaultValue={values?.[lineField(i, 'debit')]}
                        error={errors?.[lineField(i, 'debit')]}
                      />
                    </td>
                    <td>
                      <TextField
                        name={lineField(i, 'credit')}
                        label={<span className="visually-hidden">{t('books.lines.creditOf', { n })}</span>}
                        inputMode="numeric"
                        autoComplete="off"
                        defaultValue={values?.[lineField(i, 'credit')]}
                        error={errors?.[lineField(i, 'credit')]}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>
      <p className="actions">
        {/* The first submit button is the one Enter presses: proposing, not adding rows. */}
        <button type="submit">{t('books.manual.propose')}</button>
        <button type="submit" name="more" value="rows" className="button-secondary">
          {t('books.lines.more')}
        </button>
      </p>
    </Form>
  );
}
