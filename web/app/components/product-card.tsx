import { Link } from '@remix-run/react';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import type { ProductView } from '~/utils/views';
import { StockInfo } from './stock-info';

export function ProductImage({
  product,
  size,
}: {
  product: Pick<ProductView, 'name' | 'imageUrl'>;
  size: number;
}) {
  if (product.imageUrl) {
    return (
      <img
        src={product.imageUrl}
        alt=""
        width={size}
        height={size}
        loading="lazy"
        className="product-image"
      />
    );
  }
  // No picture: a plain tile with the initial, hidden from screen readers (the name is right next to it).
  return (
    <span className="product-image product-image-empty" aria-hidden="true">
      {product.name.slice(0, 1).toUpperCase()}
    </span>
  );
}

export function ProductCard({ product, slug }: { product: ProductView; slug: string }) {
  const { label } = useI18n();
  return (
    <article className="product-card" data-testid="product-card">
      <ProductImage product={product} size={96} />
      <div className="product-card-body">
        <h3 className="product-card-title">
          <Link to={`/k/${slug}/produk/${product.id}`}>{product.name}</Link>
        </h3>
        <p className="price">
          <strong>{formatRupiah(product.price)}</strong>{' '}
          <span className="unit">{label('unit', product.unit)}</span>
        </p>
        <StockInfo
          available={product.stock.available}
          inStock={product.inStock}
          maxPerOrder={product.maxPerOrder}
        />
      </div>
    </article>
  );
}
