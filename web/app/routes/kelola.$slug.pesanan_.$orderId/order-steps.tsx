import { Form, useActionData, useNavigation } from '@remix-run/react';
import { useState } from 'react';
import { FieldMessage, TextField } from '~/components/field';
import { Notice } from '~/components/notice';
import type { Step } from '~/utils/fulfilment';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import type { action } from './route';

interface StepOrder {
  fulfilment: 'pickup' | 'delivery';
  paymentMethod: string;
  total: number;
}

/** Rupiah typed at the till ("50.000") as a number, or null while it is not one. */
function rupiahOf(text: string): number | null {
  const digits = text.replace(/^\s*Rp\.?\s*/i, '').replace(/[.\s]/g, '');
  return /^\d{1,10}$/.test(digits) ? Number(digits) : null;
}

/** "Selesaikan": the pickup code, and for cash the money taken with the change worked out as it is typed. */
function CompleteForm({ order }: { order: StepOrder }) {
  const { t } = useI18n();
  const actionData = useActionData<typeof action>();
  const mine = actionData?.intent === 'complete' ? actionData : undefined;
  const cash = order.paymentMethod === 'cash';
  const [received, setReceived] = useState(mine?.values.cashReceived ?? '');
  const amount = rupiahOf(received);
  const change = amount !== null && amount >= order.total ? amount - order.total : null;
  const busy = useNavigation().formData?.get('intent') === 'complete';
  return (
    <Form method="post" noValidate className="step-form" aria-labelledby="complete-title">
      <h3 id="complete-title">{t('staff.step.complete')}</h3>
      <input type="hidden" name="intent" value="complete" />
      <TextField
        name="pickupCode"
        label={t(order.fulfilment === 'pickup' ? 'staff.step.pickupCode' : 'staff.step.pickupCodeDelivery')}
        hint={t('staff.step.pickupCodeHint')}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        inputMode="text"
        maxLength={8}
        required={order.fulfilment === 'pickup'}
        defaultValue={mine?.values.pickupCode}
        error={mine?.errors.pickupCode}
        className="input-code"
      />
      {cash ? (
        <>
          <TextField
            name="cashReceived"
            inputMode="numeric"
            label={t('staff.step.cashReceived')}
            hint={t('staff.step.cashHint', { total: formatRupiah(order.total) })}
            autoComplete="off"
            required
            value={received}
            onChange={(e) => setReceived(e.currentTarget.value)}
            error={mine?.errors.cashReceived}
          />
          <p aria-live="polite" data-testid="change">
            {change !== null ? t('staff.step.change', { change: formatRupiah(change) }) : null}
          </p>
        </>
      ) : null}
      <TextField
        name="note"
        label={t('staff.step.note')}
        autoComplete="off"
        maxLength={500}
        defaultValue={mine?.values.note}
        error={mine?.errors.note}
      />
      <button type="submit" className="button-primary" disabled={busy}>
        {t('staff.step.completeSubmit')}
      </button>
    </Form>
  );
}

function CancelForm() {
  const { t } = useI18n();
  const actionData = useActionData<typeof action>();
  const mine = actionData?.intent === 'cancel' ? actionData : undefined;
  return (
    <details className="step-cancel" open={mine ? true : undefined}>
      <summary>{t('staff.step.cancel')}</summary>
      <Form method="post" noValidate className="step-form">
        <input type="hidden" name="intent" value="cancel" />
        <TextField
          name="reason"
          label={t('staff.step.cancelReason')}
          hint={t('staff.step.cancelReasonHint')}
          autoComplete="off"
          required
          minLength={3}
          maxLength={200}
          defaultValue={mine?.values.reason}
          error={mine?.errors.reason}
        />
        <button type="submit" className="button-danger">
          {t('staff.step.cancelSubmit')}
        </button>
      </Form>
    </details>
  );
}

const ONE_BUTTON: Partial<
  Record<Step, 'staff.step.pack' | 'staff.step.ready' | 'staff.step.outForDelivery'>
> = {
  pack: 'staff.step.pack',
  ready: 'staff.step.ready',
  'out-for-delivery': 'staff.step.outForDelivery',
};

/** The next steps this person may take on the order; nothing for the pengawas (reads only). */
export function OrderSteps({ steps, order }: { steps: Step[]; order: StepOrder }) {
  const { t } = useI18n();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().formData?.get('intent');
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="steps-title" className="order-steps">
      <h2 id="steps-title">{t('staff.step.title')}</h2>
      {actionData?.errors.form ? (
        <Notice tone="error">
          <FieldMessage id="step-error" error={actionData.errors.form} />
        </Notice>
      ) : null}
      {steps.map((step) => {
        const key = ONE_BUTTON[step];
        if (!key) return null;
        return (
          <Form method="post" key={step} className="step-form">
            <button
              type="submit"
              name="intent"
              value={step}
              className="button-primary"
              disabled={busy === step}
            >
              {t(key)}
            </button>
          </Form>
        );
      })}
      {steps.includes('complete') ? <CompleteForm order={order} /> : null}
      {steps.includes('cancel') ? <CancelForm /> : null}
    </section>
  );
}
