import { Link } from '@remix-run/react';
import { formatRupiah } from '~/utils/money';
import { imageSource } from '~/utils/photos';
import type { ShopProduct } from '~/utils/sellers';
import { useI18n } from '~/utils/use-i18n';
import { StockInfo } from './stock-info';

interface ProductImageProps {
  product: Pick<ShopProduct, 'name' | 'category' | 'photos'>;
  /** CSS pixels the image is shown at (its widest). */
  size: number;
  /** The `sizes` attribute: how wide it is shown on which screens. */
  sizes?: string;
  /**
   * `lazy` below the fold (the default); `eager` for the first cards of a list; `priority` for the
   * page's main image (fetched at once, with high priority).
   */
  load?: 'lazy' | 'eager' | 'priority';
}

/**
 * The product's first photo with every WebP variant in `srcset`, or — with no photo — a tile with a
 * basket and the category (hidden from screen readers: the name is right next to it).
 */
export function ProductImage({ product, size, sizes = `${size}px`, load = 'lazy' }: ProductImageProps) {
  const { label } = useI18n();
  const photo = product.photos?.[0];
  const source = photo ? imageSource(photo, size) : null;
  if (source) {
    return (
      <img
        src={source.src}
        srcSet={source.srcSet}
        sizes={sizes}
        alt=""
        width={source.width}
        height={source.height}
        decoding="async"
        className="product-image"
        loading={load === 'lazy' ? 'lazy' : 'eager'}
        // React 18 passes lowercase unknown attributes through; `fetchPriority` would warn.
        {...(load === 'priority' ? { fetchpriority: 'high' } : {})}
      />
    );
  }
  return (
    <span className="product-image product-image-empty" aria-hidden="true" data-testid="photo-placeholder">
      <svg viewBox="0 0 24 24" width="32" height="32" focusable="false" aria-hidden="true">
        <path fill="currentColor" d="M7 7V6a5 5 0 0 1 10 0v1h3l-1.5 13h-13L4 7h3Zm2 0h6V6a3 3 0 0 0-6 0v1Z" />
      </svg>
      <span className="product-image-category">{label('category', product.category)}</span>
    </span>
  );
}

/** The seller's shop, linked to their page in this market (nothing for the cooperative's own goods). */
export function SellerLink({ seller, slug }: { seller: ShopProduct['seller']; slug: string }) {
  const { t } = useI18n();
  if (!seller) return null;
  return (
    <p className="seller-link">
      {t('seller.by')}{' '}
      <Link to={`/k/${slug}/penjual/${encodeURIComponent(seller.sellerId)}`}>{seller.shopName}</Link>
    </p>
  );
}

export function ProductCard({
  product,
  slug,
  eager = false,
}: {
  product: ShopProduct;
  slug: string;
  /** One of the first cards of the page: its image is not lazy. */
  eager?: boolean;
}) {
  const { label } = useI18n();
  return (
    <article className="product-card" data-testid="product-card">
      <ProductImage product={product} size={96} load={eager ? 'eager' : 'lazy'} />
      <div className="product-card-body">
        <h3 className="product-card-title">
          <Link to={`/k/${slug}/produk/${product.id}`}>{product.name}</Link>
        </h3>
        <SellerLink seller={product.seller} slug={slug} />
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
