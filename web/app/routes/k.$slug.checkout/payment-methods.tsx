import { FieldMessage } from '~/components/field';
import type { FieldError } from '~/schemas/form';
import type { MessageKey } from '~/utils/i18n';
import { useI18n } from '~/utils/use-i18n';
import type { PaymentMethod } from '~/utils/views';

/**
 * "Pembayaran": one radio per method the cooperative offers, with a short hint. Card details are
 * never asked here: online methods continue on the provider's hosted page.
 */
export function PaymentMethodFields({
  methods,
  value,
  error,
}: {
  methods: readonly PaymentMethod[];
  value?: string;
  error?: FieldError;
}) {
  const { t } = useI18n();
  const checked = methods.includes(value as PaymentMethod) ? value : methods[0];
  return (
    <fieldset
      className="choice-group"
      aria-describedby={error ? 'paymentMethod-error payment-hint' : 'payment-hint'}
    >
      <legend>{t('checkout.payment')}</legend>
      {methods.map((method) => (
        <div className="choice" key={method}>
          <input
            id={`payment-${method}`}
            type="radio"
            name="paymentMethod"
            value={method}
            defaultChecked={method === checked}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor={`payment-${method}`}>
            {t(`checkout.method.${method}` as MessageKey)}
            <span className="choice-hint">{t(`checkout.method.${method}Hint` as MessageKey)}</span>
          </label>
        </div>
      ))}
      <p id="payment-hint" className="muted">
        {t('checkout.paymentHint')}
      </p>
      <FieldMessage id="paymentMethod-error" error={error} />
    </fieldset>
  );
}
