import type { Translate } from '~/utils/i18n';
import type { OrderView } from '~/utils/views';

/** Why an order was rejected, naming the product and, for stock, how many were asked for and how many are left. */
export function rejectionMessage(t: Translate, order: Pick<OrderView, 'rejection' | 'lines'>): string | null {
  const rejection = order.rejection;
  if (!rejection) return null;
  const product =
    rejection.productName ??
    order.lines.find((l) => l.productId === rejection.productId)?.name ??
    t('order.product');
  return t(`order.rejected.${rejection.reason}`, {
    product,
    requested: rejection.requested,
    available: rejection.available,
  });
}
