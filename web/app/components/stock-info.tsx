import { useI18n } from '~/utils/use-i18n';

interface StockInfoProps {
  available: number;
  inStock: boolean;
  maxPerOrder: number | null;
}

/** Stock shown honestly: "Stok: 12" or "Habis", and the per-order limit of subsidised goods. */
export function StockInfo({ available, inStock, maxPerOrder }: StockInfoProps) {
  const { t } = useI18n();
  const soldOut = !inStock || available <= 0;
  return (
    <p className="stock">
      <span className={soldOut ? 'badge badge-soldout' : 'badge badge-instock'}>
        {soldOut ? t('product.soldOut') : t('product.stock', { count: available })}
      </span>
      {maxPerOrder ? (
        <span className="badge badge-limit">{t('product.limit', { count: maxPerOrder })}</span>
      ) : null}
    </p>
  );
}
