import { Form, useNavigation } from '@remix-run/react';
import { FieldMessage, describedBy } from '~/components/field';
import type { FieldError } from '~/schemas/form';
import { useI18n } from '~/utils/use-i18n';
import type { ProductView } from '~/utils/views';

/** Quantity and "Tambah ke keranjang": a plain POST form that works without JavaScript. */
export function AddToCartForm({ product, error }: { product: ProductView; error?: FieldError }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting' && navigation.formData?.get('productId') === product.id;
  const max = Math.max(1, Math.min(product.stock.available, product.maxPerOrder ?? 999, 999));
  return (
    <Form method="post" className="add-to-cart" noValidate>
      <input type="hidden" name="productId" value={product.id} />
      <div className="field">
        <label htmlFor="field-quantity">{t('product.quantity')}</label>
        <input
          id="field-quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          step={1}
          defaultValue={1}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy('field-quantity', false, error)}
        />
        <FieldMessage id="field-quantity-error" error={error} />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? t('product.adding') : t('product.add')}
      </button>
    </Form>
  );
}
