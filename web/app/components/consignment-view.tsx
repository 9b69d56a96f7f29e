import { Form } from '@remix-run/react';
import type { FieldError } from '~/schemas/form';
import { formatDay } from '~/utils/datetime';
import { formatRupiah } from '~/utils/money';
import type { ConsignmentBalance, Statement } from '~/utils/sellers';
import { useI18n } from '~/utils/use-i18n';
import { TextField } from './field';

/** What the cooperative owes a seller: balance, what can be paid out now, and what waits for handover. */
export function BalanceFacts({ balance }: { balance: ConsignmentBalance }) {
  const { t } = useI18n();
  return (
    <dl className="facts" data-testid="balance">
      <dt>{t('consignment.balance')}</dt>
      <dd>
        <strong data-testid="balance-amount">{formatRupiah(balance.balance)}</strong>
      </dd>
      <dt>{t('consignment.available')}</dt>
      <dd data-testid="available-amount">{formatRupiah(balance.availableForPayout)}</dd>
      <dt>{t('consignment.pending')}</dt>
      <dd>{formatRupiah(balance.pending)}</dd>
    </dl>
  );
}

/**
 * A month's statement: the month picker (GET, works without JavaScript), CSV and PDF downloads, the
 * lines with their running balance. `download` is the resource route; `hidden` keeps other query fields.
 */
export function StatementView({
  statement,
  month,
  monthError,
  download,
  hidden = {},
}: {
  statement: Statement | null;
  month: string;
  monthError?: FieldError;
  download: string;
  hidden?: Record<string, string>;
}) {
  const { t, lang, label } = useI18n();
  const query = (format: string) => new URLSearchParams({ ...hidden, month, format }).toString();
  return (
    <section aria-labelledby="statement-title">
      <h2 id="statement-title">{t('consignment.statement')}</h2>
      <Form method="get" className="filters-inline">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <TextField
          name="month"
          id="statement-month"
          type="month"
          label={t('consignment.month')}
          hint={t('consignment.monthHint')}
          defaultValue={month}
          error={monthError}
        />
        <button type="submit">{t('consignment.show')}</button>
      </Form>
      {statement ? (
        <>
          <p className="actions">
            <a className="button button-secondary" href={`${download}?${query('csv')}`} download>
              {t('consignment.downloadCsv')}
            </a>
            <a className="button button-secondary" href={`${download}?${query('pdf')}`} download>
              {t('consignment.downloadPdf')}
            </a>
          </p>
          <p>
            {t('consignment.opening')} <strong>{formatRupiah(statement.openingBalance)}</strong> ·{' '}
            {t('consignment.closing')} <strong>{formatRupiah(statement.closingBalance)}</strong>
          </p>
          {statement.lines.length === 0 ? (
            <p>{t('consignment.noLines')}</p>
          ) : (
            <div className="table-scroll">
              <table data-testid="statement">
                <caption className="visually-hidden">{t('consignment.statement')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('consignment.date')}</th>
                    <th scope="col">{t('consignment.entry')}</th>
                    <th scope="col">{t('consignment.amount')}</th>
                    <th scope="col">{t('consignment.runningBalance')}</th>
                  </tr>
                </thead>
                <tbody>
                  {statement.lines.map((line) => (
                    <tr key={`${line.at}-${line.kind}-${line.balance}`}>
                      <td>{formatDay(line.date, lang)}</td>
                      <th scope="row">
                        {label('entryKind', line.kind)}
                        {line.product ? ` · ${line.product}` : ''}
                        {line.quantity ? ` × ${line.quantity}` : ''}
                        {line.notaNumber ? (
                          <>
                            <br />
                            <span className="muted">
                              {t('consignment.nota')} {line.notaNumber}
                            </span>
                          </>
                        ) : null}
                        {line.receiptNumber ? (
                          <>
                            <br />
                            <span className="muted">
                              {t('consignment.receipt')} {line.receiptNumber}
                            </span>
                          </>
                        ) : null}
                      </th>
                      <td className="amount">{formatRupiah(line.amount)}</td>
                      <td className="amount">{formatRupiah(line.balance)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
