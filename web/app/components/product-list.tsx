import { useFetcher, useLocation } from '@remix-run/react';
import { type MouseEvent, useEffect, useState } from 'react';
import { useI18n } from '~/utils/use-i18n';
import type { ShopProduct, ShopProductPage as ProductPage } from '~/utils/sellers';
import { ProductCard } from './product-card';

/** The cards a 360 px phone shows before scrolling: their images load at once, the rest lazily. */
export const EAGER_CARDS = 2;

interface ProductListProps {
  slug: string;
  page: ProductPage;
  /** Heading id the list is labelled by. */
  labelledBy: string;
}

/**
 * Products with a "Muat lagi" link. Without JavaScript the link opens the next page;
 * with it, the next page is fetched and appended in place. Render with key={location.search}.
 */
export function ProductList({ slug, page, labelledBy }: ProductListProps) {
  const { t } = useI18n();
  const location = useLocation();
  const fetcher = useFetcher<{ page?: ProductPage }>();
  const [items, setItems] = useState<ShopProduct[]>(page.items);
  const [nextCursor, setNextCursor] = useState<string | null>(page.nextCursor);

  useEffect(() => {
    const more = fetcher.data?.page;
    if (fetcher.state !== 'idle' || !more) return;
    setItems((current) => {
      const seen = new Set(current.map((p) => p.id));
      return [...current, ...more.items.filter((p) => !seen.has(p.id))];
    });
    setNextCursor(more.nextCursor);
  }, [fetcher.data, fetcher.state]);

  const params = new URLSearchParams(location.search);
  if (nextCursor) params.set('cursor', nextCursor);
  const moreHref = `${location.pathname}?${params.toString()}`;
  const loadMore = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    fetcher.load(moreHref);
  };

  return (
    <>
      <ul className="product-grid" aria-labelledby={labelledBy}>
        {items.map((product, index) => (
          <li key={product.id}>
            <ProductCard product={product} slug={slug} eager={index < EAGER_CARDS} />
          </li>
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {items.length > page.items.length ? t('search.shown', { count: items.length }) : ''}
      </p>
      {nextCursor ? (
        <p className="load-more">
          <a
            className="button button-secondary"
            href={moreHref}
            onClick={loadMore}
            aria-busy={fetcher.state !== 'idle'}
          >
            {fetcher.state === 'idle' ? t('search.loadMore') : t('search.loading')}
          </a>
        </p>
      ) : null}
    </>
  );
}
