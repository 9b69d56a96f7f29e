import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { StatementView } from '~/components/consignment-view';
import { SelectField, TextField } from '~/components/field';
import { FlashNotice } from '~/components/flash-notice';
import { FormErrors } from '~/components/form-errors';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formAction } from '~/utils/action.server';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { PAYOUT_METHODS } from '~/utils/sellers';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';
import { consignmentAction, loadConsignment } from './consignment.server';

export const loader = (args: LoaderFunctionArgs) => loadConsignment(args);
export const action = formAction((args: ActionFunctionArgs) => consignmentAction(args));

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.consignment.title') }];

const percent = (bps: number) => String(bps / 100).replace('.', ',');

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

function PayoutForm({ balance, payoutKey }: { balance: PageData['balances'][number]; payoutKey: string }) {
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const mine = actionData?.target === balance.sellerId ? actionData : undefined;
  const id = (f: string) => `payout-${balance.sellerId}-${f}`;
  return (
    <Form method="post" noValidate aria-label={t('staff.consignment.payoutFor', { shop: balance.shopName })}>
      <input type="hidden" name="intent" value="payout" />
      <input type="hidden" name="sellerId" value={balance.sellerId} />
      <input type="hidden" name="shopName" value={balance.shopName} />
      <input type="hidden" name="idempotencyKey" value={payoutKey} />
      <FormErrors errors={mine?.errors} />
      <TextField
        id={id('amount')}
        name="amount"
        label={t('staff.consignment.amount')}
        hint={t('staff.consignment.amountHint', { available: formatRupiah(balance.availableForPayout) })}
        inputMode="numeric"
        autoComplete="off"
        required
        defaultValue={mine?.values.amount}
        error={mine?.errors.amount}
      />
      <SelectField
        id={id('method')}
        name="method"
        label={t('staff.consignment.method')}
        options={PAYOUT_METHODS.map((m) => ({ value: m, label: t(`staff.consignment.method.${m}`) }))}
        defaultValue={mine?.values.method || 'cash'}
        error={mine?.errors.method}
      />
      <TextField
        id={id('receipt')}
        name="receiptNumber"
        label={t('staff.consignment.receipt')}
        autoComplete="off"
        required
        maxLength={60}
        defaultValue={mine?.values.receiptNumber}
        error={mine?.errors.receiptNumber}
      />
      <TextField
        id={id('note')}
        name="note"
        label={t('staff.consignment.note')}
        autoComplete="off"
        maxLength={300}
        defaultValue={mine?.values.note}
        error={mine?.errors.note}
      />
      <button type="submit">{t('staff.consignment.pay')}</button>
    </Form>
  );
}

function CommissionForm({
  settings,
  categories,
}: {
  settings: PageData['settings'];
  categories: readonly string[];
}) {
  const actionData = useActionData<typeof action>();
  const { t, label } = useI18n();
  const mine = actionData?.target === 'commission' ? actionData : undefined;
  return (
    <Form method="post" noValidate aria-label={t('staff.consignment.ratesTitle')}>
      <input type="hidden" name="intent" value="commission" />
      <FormErrors errors={mine?.errors} />
      <TextField
        name="commission"
        label={t('staff.consignment.rate')}
        hint={t('staff.consignment.rateHint')}
        inputMode="decimal"
        autoComplete="off"
        required
        defaultValue={mine?.values.commission ?? percent(settings.commissionBps)}
        error={mine?.errors.commission}
      />
      <fieldset>
        <legend>{t('staff.consignment.categoryRates')}</legend>
        {categories.map((c) => {
          const current = (settings.categoryBps as Partial<Record<string, number>>)[c];
          return (
            <TextField
              key={c}
              name={`bps-${c}`}
              label={label('category', c)}
              inputMode="decimal"
              autoComplete="off"
              defaultValue={mine?.values[`bps-${c}`] ?? (current === undefined ? '' : percent(current))}
              error={mine?.errors[`bps-${c}`]}
            />
          );
        })}
      </fieldset>
      <button type="submit">{t('staff.consignment.saveRates')}</button>
    </Form>
  );
}

export default function ConsignmentPage() {
  const {
    balances,
    settings,
    categories,
    seller,
    month,
    monthError,
    statement,
    isBendahara,
    payoutKey,
    notice,
  } = useLoaderData<typeof loader>();
  const { cooperative } = useStaff();
  const { t } = useI18n();
  const base = `/kelola/${cooperative.slug}/konsinyasi`;
  const chosen = balances.find((b) => b.sellerId === seller);
  return (
    <>
      <h1>{t('staff.consignment.title')}</h1>
      <FlashNotice notice={notice} />
      <p className="muted">
        {t('staff.consignment.rateNow', { percent: percent(settings.commissionBps) })}{' '}
        {isBendahara ? null : t('staff.consignment.bendaharaOnly')}
      </p>
      <section aria-labelledby="balances-title">
        <h2 id="balances-title">{t('staff.consignment.balances')}</h2>
        {balances.length === 0 ? (
          <p>{t('staff.consignment.noSellers')}</p>
        ) : (
          <ul className="card-list">
            {balances.map((b) => (
              <li key={b.sellerId} className="card" data-testid="seller-balance">
                <h3>{b.shopName}</h3>
                <dl className="facts">
                  <dt>{t('consignment.balance')}</dt>
                  <dd>
                    <strong data-testid="balance-amount">{formatRupiah(b.balance)}</strong>
                  </dd>
                  <dt>{t('consignment.available')}</dt>
                  <dd>{formatRupiah(b.availableForPayout)}</dd>
                  <dt>{t('consignment.pending')}</dt>
                  <dd>{formatRupiah(b.pending)}</dd>
                </dl>
                <p>
                  <Link to={`${base}?${new URLSearchParams({ seller: b.sellerId, month })}#statement-title`}>
                    {t('staff.consignment.statementOf', { shop: b.shopName })}
                  </Link>
                </p>
                {isBendahara && b.availableForPayout > 0 ? (
                  <PayoutForm balance={b} payoutKey={payoutKey} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {seller ? (
        <>
          <h2>{chosen?.shopName ?? seller}</h2>
          <StatementView
            statement={statement}
            month={month}
            monthError={monthError ?? undefined}
            download={`${base}/unduh`}
            hidden={{ seller }}
          />
        </>
      ) : null}
      {isBendahara ? (
        <section aria-labelledby="rates-title">
          <h2 id="rates-title">{t('staff.consignment.ratesTitle')}</h2>
          <CommissionForm settings={settings} categories={categories} />
        </section>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
