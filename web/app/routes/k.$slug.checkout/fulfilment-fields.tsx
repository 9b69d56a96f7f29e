import { FieldMessage, TextField } from '~/components/field';
import type { FieldErrors } from '~/schemas/form';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import type { CooperativeView } from '~/utils/views';

interface FulfilmentFieldsProps {
  cooperative: CooperativeView;
  values: Record<string, string>;
  errors: FieldErrors;
}

/**
 * Pickup or delivery, and the delivery address. Without JavaScript the address fields are always there
 * (the hint says they are only for delivery); with CSS :has() they hide while "pickup" is chosen.
 */
export function FulfilmentFields({ cooperative, values, errors }: FulfilmentFieldsProps) {
  const { t } = useI18n();
  const method = values.fulfilment === 'delivery' && cooperative.deliveryEnabled ? 'delivery' : 'pickup';
  return (
    <>
      <fieldset
        className="choice-group"
        aria-describedby={errors.fulfilment ? 'fulfilment-error' : undefined}
      >
        <legend>{t('checkout.fulfilment')}</legend>
        <div className="choice">
          <input
            id="fulfilment-pickup"
            type="radio"
            name="fulfilment"
            value="pickup"
            defaultChecked={method === 'pickup'}
          />
          <label htmlFor="fulfilment-pickup">
            {t('checkout.pickup')}
            <span className="choice-hint">{cooperative.outletAddress}</span>
          </label>
        </div>
        <div className="choice">
          <input
            id="fulfilment-delivery"
            type="radio"
            name="fulfilment"
            value="delivery"
            defaultChecked={method === 'delivery'}
            disabled={!cooperative.deliveryEnabled}
            aria-describedby={cooperative.deliveryEnabled ? undefined : 'delivery-unavailable'}
          />
          <label htmlFor="fulfilment-delivery">
            {t('checkout.delivery', { fee: formatRupiah(cooperative.deliveryFee) })}
            {cooperative.deliveryEnabled ? null : (
              <span id="delivery-unavailable" className="choice-hint">
                {t('checkout.deliveryUnavailable')}
              </span>
            )}
          </label>
        </div>
        <FieldMessage id="fulfilment-error" error={errors.fulfilment} />
      </fieldset>

      {cooperative.deliveryEnabled ? (
        <fieldset className="address-fields">
          <legend>{t('checkout.address')}</legend>
          <p className="field-hint">{t('checkout.addressHint')}</p>
          <TextField
            name="street"
            label={t('checkout.street')}
            autoComplete="address-line1"
            defaultValue={values.street}
            error={errors.street}
          />
          <TextField name="rtRw" label={t('checkout.rtRw')} defaultValue={values.rtRw} error={errors.rtRw} />
          <TextField
            name="kelurahan"
            label={t('checkout.kelurahan')}
            autoComplete="address-level3"
            defaultValue={values.kelurahan}
            error={errors.kelurahan}
          />
          <TextField
            name="kecamatan"
            label={t('checkout.kecamatan')}
            autoComplete="address-level3"
            defaultValue={values.kecamatan}
            error={errors.kecamatan}
          />
          <TextField
            name="city"
            label={t('checkout.city')}
            autoComplete="address-level2"
            defaultValue={values.city ?? cooperative.city}
            error={errors.city}
          />
          <TextField
            name="postalCode"
            label={t('checkout.postalCode')}
            inputMode="numeric"
            autoComplete="postal-code"
            maxLength={5}
            defaultValue={values.postalCode}
            error={errors.postalCode}
          />
          <TextField
            name="addressNotes"
            label={t('checkout.addressNotes')}
            defaultValue={values.addressNotes}
            error={errors.addressNotes}
          />
        </fieldset>
      ) : null}
    </>
  );
}
