import { Form, Link } from '@remix-run/react';
import { FieldMessage, describedBy } from '~/components/field';
import type { FieldError } from '~/schemas/form';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import type { CartLine } from '~/utils/views';
import type { LineStock } from './cart.server';

interface CartLineRowProps {
  slug: string;
  line: CartLine;
  stock: LineStock | undefined;
  error: FieldError | undefined;
}

/** One line of the cart with its own form: change the quantity ("Ubah") or remove it ("Hapus"). */
export function CartLineRow({ slug, line, stock, error }: CartLineRowProps) {
  const { t, label } = useI18n();
  const inputId = `qty-${line.productId}`;
  const warningId = `${inputId}-stock`;
  const warning =
    stock === undefined || line.quantity <= stock.available
      ? null
      : stock.available <= 0
        ? t('cart.stockOut')
        : t('cart.stockLow', { count: stock.available });
  const max = Math.min(line.maxPerOrder ?? 999, 999);
  return (
    <li className="cart-line" data-testid="cart-line">
      <div className="cart-line-info">
        <h2 className="cart-line-title">
          <Link to={`/k/${slug}/produk/${line.productId}`}>{line.name}</Link>
        </h2>
        <p className="muted">
          {t('cart.unitPrice', { price: formatRupiah(line.unitPrice), unit: label('unit', line.unit) })}
        </p>
        {warning ? (
          <p id={warningId} className="warning">
            {warning}
          </p>
        ) : null}
      </div>
      <Form method="post" className="cart-line-form" noValidate>
        <input type="hidden" name="productId" value={line.productId} />
        <label htmlFor={inputId}>{t('cart.quantityFor', { name: line.name })}</label>
        <input
          id={inputId}
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          step={1}
          defaultValue={line.quantity}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [describedBy(inputId, false, error), warning ? warningId : ''].filter(Boolean).join(' ') ||
            undefined
          }
        />
        <button type="submit" name="intent" value="update">
          {t('cart.update')}
        </button>
        <button
          type="submit"
          name="intent"
          value="remove"
          className="button-secondary"
          aria-label={t('cart.removeLabel', { name: line.name })}
        >
          {t('cart.remove')}
        </button>
        <FieldMessage id={`${inputId}-error`} error={error} />
      </Form>
      <p className="cart-line-total">{formatRupiah(line.lineTotal)}</p>
    </li>
  );
}
