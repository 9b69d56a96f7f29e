import { LineItems } from '~/components/line-items';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import type { OrderView } from '~/utils/views';

function addressText(order: OrderView): string | null {
  if (order.fulfilment.method !== 'delivery') return null;
  const a = order.fulfilment.address;
  return [
    a.street,
    a.rt_rw ? `RT/RW ${a.rt_rw}` : '',
    a.kelurahan,
    a.kecamatan,
    a.city,
    a.postalCode ?? '',
    a.notes ? `(${a.notes})` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** What was ordered, what it costs, and where it goes. */
export function OrderDetails({ order, outletAddress }: { order: OrderView; outletAddress: string }) {
  const { t } = useI18n();
  const address = addressText(order);
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title">{t('order.items')}</h2>
      <LineItems lines={order.lines} />
      <dl className="totals">
        <dt>{t('order.subtotal')}</dt>
        <dd>{formatRupiah(order.subtotal)}</dd>
        {order.deliveryFee > 0 ? (
          <>
            <dt>{t('order.deliveryFee')}</dt>
            <dd>{formatRupiah(order.deliveryFee)}</dd>
          </>
        ) : null}
        <dt>{t('order.total')}</dt>
        <dd>
          <strong>{formatRupiah(order.total)}</strong>
        </dd>
      </dl>
      <dl className="facts">
        <dt>{t('order.fulfilment')}</dt>
        <dd>
          {address ? t('order.deliverTo', { address }) : t('order.pickupAt', { address: outletAddress })}
        </dd>
        <dt>{t('order.contact')}</dt>
        <dd>
          {order.contact.name}, {order.contact.phone}
        </dd>
      </dl>
    </section>
  );
}
