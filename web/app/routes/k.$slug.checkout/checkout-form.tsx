import { Form, useNavigation } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { FieldMessage, TextField } from '~/components/field';
import { Notice } from '~/components/notice';
import type { FieldErrors } from '~/schemas/form';
import { useI18n } from '~/utils/use-i18n';
import type { CooperativeView, PaymentMethod } from '~/utils/views';
import { FulfilmentFields } from './fulfilment-fields';
import { NikField } from './nik-field';
import { PaymentMethodFields } from './payment-methods';

interface CheckoutFormProps {
  cooperative: CooperativeView;
  paymentMethods: readonly PaymentMethod[];
  idempotencyKey: string;
  /** Names of the cart's products limited per buyer: the NIK is asked when there are any. */
  limitedProducts: readonly string[];
  values: Record<string, string>;
  errors: FieldErrors;
}

/** The checkout form: a plain POST that works without JavaScript; with it, focus goes to the first wrong field. */
export function CheckoutForm({
  cooperative,
  paymentMethods,
  idempotencyKey,
  limitedProducts,
  values,
  errors,
}: CheckoutFormProps) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const submitting = navigation.state !== 'idle' && navigation.formMethod?.toLowerCase() === 'post';
  const hasFieldErrors = Object.keys(errors).some((k) => k !== 'form');

  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-errors')?.focus();
  }, [errors]);

  return (
    <Form method="post" ref={formRef} className="checkout-form" noValidate>
      {errors.form || hasFieldErrors ? (
        <div className="form-errors" tabIndex={-1}>
          <Notice tone="error">
            {hasFieldErrors ? <p>{t('checkout.fixErrors')}</p> : null}
            <FieldMessage id="form-error" error={errors.form} />
          </Notice>
        </div>
      ) : null}
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />

      <fieldset>
        <legend>{t('checkout.contact')}</legend>
        <TextField
          name="name"
          label={t('checkout.name')}
          autoComplete="name"
          required
          defaultValue={values.name}
          error={errors.name}
        />
        <TextField
          name="phone"
          type="tel"
          inputMode="tel"
          label={t('checkout.phone')}
          hint={t('checkout.phoneHint')}
          autoComplete="tel"
          required
          defaultValue={values.phone}
          error={errors.phone}
        />
        <TextField
          name="email"
          type="email"
          inputMode="email"
          label={t('checkout.email')}
          hint={t('checkout.emailHint')}
          autoComplete="email"
          maxLength={254}
          defaultValue={values.email}
          error={errors.email}
        />
      </fieldset>

      {limitedProducts.length > 0 ? <NikField products={limitedProducts} error={errors.buyerNik} /> : null}

      <FulfilmentFields cooperative={cooperative} values={values} errors={errors} />

      <PaymentMethodFields
        methods={paymentMethods}
        value={values.paymentMethod}
        error={errors.paymentMethod}
      />

      <div className="field">
        <label htmlFor="field-note">{t('checkout.note')}</label>
        <textarea
          id="field-note"
          name="note"
          rows={3}
          maxLength={500}
          defaultValue={values.note}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? 'field-note-error' : undefined}
        />
        <FieldMessage id="field-note-error" error={errors.note} />
      </div>

      <button type="submit" className="button-primary button-block" disabled={submitting}>
        {submitting ? t('checkout.submitting') : t('checkout.submit')}
      </button>
    </Form>
  );
}
