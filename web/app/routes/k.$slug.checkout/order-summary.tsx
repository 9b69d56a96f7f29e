import { LineItems } from '~/components/line-items';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import type { CartView, CooperativeView } from '~/utils/views';

/** The cart being ordered, and what it costs with and without delivery. */
export function OrderSummary({ cart, cooperative }: { cart: CartView; cooperative: CooperativeView }) {
  const { t } = useI18n();
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('checkout.summary')}</h2>
      <LineItems lines={cart.lines} />
      <dl className="totals">
        <dt>{t('checkout.subtotal')}</dt>
        <dd>{formatRupiah(cart.subtotal)}</dd>
        {cooperative.deliveryEnabled ? (
          <>
            <dt>{t('checkout.deliveryFee')}</dt>
            <dd>{formatRupiah(cooperative.deliveryFee)}</dd>
          </>
        ) : null}
        <dt>{t(cooperative.deliveryEnabled ? 'checkout.totalPickup' : 'checkout.total')}</dt>
        <dd data-testid="checkout-total">
          <strong>{formatRupiah(cart.subtotal)}</strong>
        </dd>
        {cooperative.deliveryEnabled ? (
          <>
            <dt>{t('checkout.totalWithDelivery')}</dt>
            <dd>{formatRupiah(cart.subtotal + cooperative.deliveryFee)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
