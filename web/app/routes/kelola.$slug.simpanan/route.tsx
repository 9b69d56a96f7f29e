import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { SelectField, TextField } from '~/components/field';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { FIRST_DUE, RATE_ROWS, SAVINGS_KINDS, SAVINGS_METHODS } from './savings.schema';
import { loadSavings, savingsAction } from './savings.server';
import { formatMonth, type MemberSavings, SavingsHistory, SavingsSummary } from './savings-view';

export const loader = (args: LoaderFunctionArgs) => loadSavings(args);
export const action = formAction((args: ActionFunctionArgs) => savingsAction(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.savings.title') }];

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The action's answer for the form with this intent and target (a page has several forms). */
function useFormAnswer(intent: string, target: string) {
  const actionData = useActionData<typeof action>();
  return actionData && 'intent' in actionData && actionData.intent === intent && actionData.target === target
    ? actionData
    : undefined;
}

function CounterFields({
  prefix,
  mine,
  today,
}: {
  prefix: string;
  mine: ReturnType<typeof useFormAnswer>;
  today: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id={`${prefix}-amount`}
        name="amount"
        label={t('staff.savings.amount')}
        inputMode="numeric"
        autoComplete="off"
        required
        defaultValue={mine?.values.amount}
        error={mine?.errors.amount}
      />
      <SelectField
        id={`${prefix}-method`}
        name="method"
        label={t('staff.savings.method')}
        options={SAVINGS_METHODS.map((m) => ({ value: m, label: t(`savings.method.${m}`) }))}
        defaultValue={mine?.values.method || 'cash'}
        error={mine?.errors.method}
      />
      <TextField
        id={`${prefix}-receipt`}
        name="receiptNumber"
        label={t('staff.savings.receipt')}
        hint={t('staff.savings.receiptHint')}
        autoComplete="off"
        required
        maxLength={40}
        defaultValue={mine?.values.receiptNumber}
        error={mine?.errors.receiptNumber}
      />
      <TextField
        id={`${prefix}-received`}
        name="receivedOn"
        type="date"
        max={today}
        label={t('staff.savings.receivedOn')}
        hint={t('staff.savings.receivedOnHint')}
        defaultValue={mine?.values.receivedOn}
        error={mine?.errors.receivedOn}
      />
    </>
  );
}

function DepositForm({ savings, today }: { savings: MemberSavings; today: string }) {
  const { t } = useI18n();
  const mine = useFormAnswer('deposit', savings.memberId);
  return (
    <Form method="post" noValidate aria-label={t('staff.savings.depositTitle')}>
      <h3>{t('staff.savings.depositTitle')}</h3>
      <input type="hidden" name="intent" value="deposit" />
      <input type="hidden" name="memberId" value={savings.memberId} />
      <input type="hidden" name="memberName" value={savings.displayName} />
      <FormErrors errors={mine?.errors} />
      <SelectField
        id="deposit-kind"
        name="kind"
        label={t('staff.savings.kind')}
        options={SAVINGS_KINDS.map((k) => ({ value: k, label: t(`savings.kind.${k}`) }))}
        defaultValue={mine?.values.kind || (savings.pokok.paid ? 'wajib' : 'pokok')}
        error={mine?.errors.kind}
      />
      <CounterFields prefix="deposit" mine={mine} today={today} />
      <TextField
        id="deposit-months"
        name="months"
        label={t('staff.savings.months')}
        hint={t('staff.savings.monthsHint')}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={mine?.values.months}
        error={mine?.errors.months}
      />
      <button type="submit">{t('staff.savings.deposit')}</button>
    </Form>
  );
}

function WithdrawalForm({ savings, today }: { savings: MemberSavings; today: string }) {
  const { t } = useI18n();
  const mine = useFormAnswer('withdrawal', savings.memberId);
  return (
    <Form method="post" noValidate aria-label={t('staff.savings.withdrawTitle')}>
      <h3>{t('staff.savings.withdrawTitle')}</h3>
      <p className="muted">
        {t('staff.savings.withdrawHint', { balance: formatRupiah(savings.balances.sukarela) })}
      </p>
      <input type="hidden" name="intent" value="withdrawal" />
      <input type="hidden" name="memberId" value={savings.memberId} />
      <input type="hidden" name="memberName" value={savings.displayName} />
      <FormErrors errors={mine?.errors} />
      <CounterFields prefix="withdrawal" mine={mine} today={today} />
      <button type="submit" className="button-secondary">
        {t('staff.savings.withdraw')}
      </button>
    </Form>
  );
}

function SettingsForm({ settings }: { settings: PageData['settings'] }) {
  const { t } = useI18n();
  const mine = useFormAnswer('settings', 'settings');
  const rows = Array.from({ length: RATE_ROWS }, (_, row) => ({ row, rate: settings.wajibRates[row] }));
  return (
    <Form method="post" noValidate aria-label={t('staff.savings.settingsTitle')}>
      <input type="hidden" name="intent" value="settings" />
      <FormErrors errors={mine?.errors} />
      <TextField
        name="pokokAmount"
        label={t('staff.savings.pokokAmount')}
        inputMode="numeric"
        autoComplete="off"
        required
        defaultValue={mine?.values.pokokAmount ?? String(settings.pokokAmount)}
        error={mine?.errors.pokokAmount}
      />
      <fieldset>
        <legend>{t('staff.savings.rates')}</legend>
        <p className="field-hint">{t('staff.savings.ratesHint')}</p>
        {rows.map(({ row: i, rate }) => (
          <div className="filters-inline" key={`rate-${i}`}>
            <TextField
              name={`rateFrom-${i}`}
              type="month"
              label={t('staff.savings.rateFrom')}
              defaultValue={mine?.values[`rateFrom-${i}`] ?? rate?.from ?? ''}
              error={mine?.errors[`rateFrom-${i}`]}
            />
            <TextField
              name={`rateAmount-${i}`}
              label={t('staff.savings.rateAmount')}
              inputMode="numeric"
              autoComplete="off"
              defaultValue={mine?.values[`rateAmount-${i}`] ?? (rate ? String(rate.amount) : '')}
              error={mine?.errors[`rateAmount-${i}`]}
            />
          </div>
        ))}
      </fieldset>
      <SelectField
        name="firstDue"
        label={t('staff.savings.firstDue')}
        options={FIRST_DUE.map((f) => ({ value: f, label: t(`staff.savings.firstDue.${f}`) }))}
        defaultValue={mine?.values.firstDue || settings.firstDue}
        error={mine?.errors.firstDue}
      />
      <button type="submit">{t('staff.savings.saveSettings')}</button>
    </Form>
  );
}

export default function StaffSavingsPage() {
  const { settings, arrears, q, found, memberId, savings, before, canRecord, canSetRules, today, notice } =
    useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t, lang } = useI18n();
  const base = `/kelola/${cooperative.slug}/simpanan`;
  const memberLink = (id: string, more: Record<string, string> = {}) =>
    `${base}?${new URLSearchParams({ anggota: id, ...more })}#savings-title`;
  const page = (offset: number) => `${base}?${new URLSearchParams({ hal: String(offset) })}#arrears-title`;
  const { totals } = arrears;
  return (
    <>
      <h1>{t('staff.savings.title')}</h1>
      <FlashNotice notice={notice} />
      <p data-testid="savings-rules">
        {t('staff.savings.rules', {
          pokok: formatRupiah(settings.pokokAmount),
          wajib: formatRupiah(settings.wajibNow),
          firstDue: t(`staff.savings.firstDue.${settings.firstDue}`),
        })}{' '}
        {settings.isDefault ? <span className="muted">{t('staff.savings.rulesDefault')}</span> : null}
      </p>
      {canRecord ? null : <p className="muted">{t('staff.savings.counterOnly')}</p>}

      <section aria-labelledby="find-title">
        <h2 id="find-title">{t('staff.savings.find')}</h2>
        <Form method="get" className="filters-inline" role="search">
          <TextField
            name="cari"
            type="search"
            label={t('staff.savings.findLabel')}
            defaultValue={q}
            maxLength={80}
            autoComplete="off"
          />
          <button type="submit">{t('staff.savings.findSubmit')}</button>
        </Form>
        {found ? (
          found.items.length === 0 ? (
            <p>{t('staff.savings.foundNone')}</p>
          ) : (
            <>
              <p>{t('staff.savings.found', { count: found.total })}</p>
              <ul className="card-list" data-testid="savings-found">
                {found.items.map((r) => (
                  <li key={r.memberId} className="card">
                    <h3>
                      <Link
                        to={memberLink(r.memberId)}
                        aria-label={t('staff.savings.open', { name: r.displayName })}
                      >
                        {r.displayName}
                      </Link>
                    </h3>
                    <p className="muted">{r.memberId}</p>
                    <p>
                      {t('savings.total')}: {formatRupiah(r.balances.total)} · {t('staff.savings.owed')}:{' '}
                      {formatRupiah(r.owed)}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )
        ) : null}
      </section>

      {memberId ? (
        <section aria-labelledby="savings-title" data-testid="member-savings">
          {savings ? (
            <>
              <h2 id="savings-title">{t('staff.savings.memberTitle', { name: savings.displayName })}</h2>
              <p className="muted">{savings.memberId}</p>
              <SavingsSummary savings={savings} />
              <SavingsHistory
                savings={savings}
                olderTo={(b) => memberLink(savings.memberId, { sebelum: String(b) })}
                newestTo={before ? memberLink(savings.memberId) : undefined}
              />
              {canRecord ? (
                <div className="card-list">
                  <div className="card">
                    <DepositForm savings={savings} today={today} />
                  </div>
                  <div className="card">
                    <WithdrawalForm savings={savings} today={today} />
                  </div>
                </div>
              ) : null}
            </>
          ) : (
            <>
              <h2 id="savings-title">{t('staff.savings.memberGone')}</h2>
              <p>{t('errors.gone')}</p>
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="arrears-title">
        <h2 id="arrears-title">{t('staff.savings.arrearsTitle')}</h2>
        {arrears.total === 0 ? (
          <p>{t('staff.savings.arrearsNone')}</p>
        ) : (
          <>
            <p data-testid="arrears-totals">
              {t('staff.savings.arrearsSummary', {
                inArrears: totals.inArrears,
                members: totals.members,
                arrears: formatRupiah(totals.arrearsAmount),
                pokok: formatRupiah(totals.pokokDue),
                owed: formatRupiah(totals.owed),
              })}
            </p>
            <div className="table-scroll">
              <table data-testid="arrears">
                <caption className="visually-hidden">{t('staff.savings.arrearsTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('staff.savings.member')}</th>
                    <th scope="col">{t('savings.monthsInArrears')}</th>
                    <th scope="col">{t('savings.paidThrough')}</th>
                    <th scope="col">{t('savings.arrearsAmount')}</th>
                    <th scope="col">{t('staff.savings.pokokDue')}</th>
                    <th scope="col">{t('staff.savings.owed')}</th>
                  </tr>
                </thead>
                <tbody>
                  {arrears.items.map((r) => (
                    <tr key={r.memberId}>
                      <th scope="row">
                        <Link
                          to={memberLink(r.memberId)}
                          aria-label={t('staff.savings.open', { name: r.displayName })}
                        >
                          {r.displayName}
                        </Link>
                      </th>
                      <td>{t('savings.monthsCount', { count: r.monthsInArrears })}</td>
                      <td>{r.paidThrough ? formatMonth(r.paidThrough, lang) : '—'}</td>
                      <td className="amount">{formatRupiah(r.arrearsAmount)}</td>
                      <td className="amount">{formatRupiah(r.pokokDue)}</td>
                      <td className="amount">
                        <strong>{formatRupiah(r.owed)}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="actions">
              {arrears.offset > 0 ? (
                <Link to={page(Math.max(0, arrears.offset - arrears.limit))}>
                  {t('staff.savings.previous')}
                </Link>
              ) : null}
              {arrears.nextOffset !== null ? (
                <Link to={page(arrears.nextOffset)}>{t('staff.savings.next')}</Link>
              ) : null}
            </p>
          </>
        )}
      </section>

      {canSetRules ? (
        <section aria-labelledby="rules-title">
          <h2 id="rules-title">{t('staff.savings.settingsTitle')}</h2>
          <SettingsForm settings={settings} />
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
