import { useState } from 'react';
import { describedBy, FieldMessage } from '~/components/field';
import type { FieldError } from '~/schemas/form';
import { NIK_PATTERN, normaliseNik } from '~/utils/buyer-limit';
import { useI18n } from '~/utils/use-i18n';

/**
 * The buyer's NIK, shown only when the cart holds goods limited per buyer: says why it is asked and
 * that only its hash is kept. Checked as it is left (16 digits) with JavaScript; the action checks it
 * again either way (CheckoutSchema).
 */
export function NikField({ products, error }: { products: readonly string[]; error?: FieldError }) {
  const { t } = useI18n();
  const [clientError, setClientError] = useState<FieldError | undefined>(undefined);
  const shown = clientError ?? error;
  const id = 'field-buyerNik';
  return (
    <fieldset>
      <legend>{t('checkout.nik')}</legend>
      <div className="field">
        <label htmlFor={id}>{t('checkout.nik')}</label>
        <p id={`${id}-hint`} className="field-hint">
          {t('checkout.nikHint', { products: products.join(', ') })}
        </p>
        <input
          id={id}
          name="buyerNik"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          pattern="[0-9 ]{16,19}"
          maxLength={19}
          required
          aria-invalid={shown ? true : undefined}
          aria-describedby={describedBy(id, true, shown)}
          onBlur={(e) => {
            const nik = normaliseNik(e.currentTarget.value);
            setClientError(
              nik === '' ? 'errors.nikRequired' : NIK_PATTERN.test(nik) ? undefined : 'errors.nik',
            );
          }}
          onInput={() => setClientError(undefined)}
        />
        <FieldMessage id={`${id}-error`} error={shown} />
      </div>
    </fieldset>
  );
}
