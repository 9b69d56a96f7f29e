import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { labelOf, translator } from '~/utils/i18n';
import type { ProductPhoto } from '~/utils/sellers';
import { ProductImage } from './product-card';

// The component reads the language from the root loader; here it is Bahasa Indonesia.
vi.mock('~/utils/use-i18n', () => ({
  useI18n: () => ({ lang: 'id', t: translator('id'), label: (p: string, v: string) => labelOf('id', p, v) }),
}));

const photo: ProductPhoto = {
  photoId: 'pho_abc123',
  width: 1280,
  height: 960,
  variants: [
    { width: 320, url: '/photos/pho_abc123/320.webp' },
    { width: 640, url: '/photos/pho_abc123/640.webp' },
    // Catalog may answer an absolute URL: the browser still gets the same-origin path.
    { width: 1280, url: 'http://127.0.0.1:4001/photos/pho_abc123/1280.webp' },
  ],
};
const product = { name: 'Keripik Tempe', category: 'makanan-ringan' as const, photos: [photo] };
const attrs = (html: string) =>
  Object.fromEntries([...html.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)].map((m) => [m[1]?.toLowerCase(), m[2]]));

describe('ProductImage', () => {
  it('renders every WebP variant in srcset, same-origin, with sizes and a size that reserves the aspect ratio', () => {
    const img = attrs(renderToStaticMarkup(<ProductImage product={product} size={96} />));
    expect(img.srcset).toBe(
      '/photos/pho_abc123/320.webp 320w, /photos/pho_abc123/640.webp 640w, /photos/pho_abc123/1280.webp 1280w',
    );
    expect(img.src).toBe('/photos/pho_abc123/320.webp');
    expect(img.sizes).toBe('96px');
    expect([img.width, img.height]).toEqual(['96', '72']);
    expect(img.loading).toBe('lazy');
    expect(img.fetchpriority).toBeUndefined();
    expect(img.alt).toBe('');
  });

  it('loads the product page’s main image at once with high priority', () => {
    const img = attrs(renderToStaticMarkup(<ProductImage product={product} size={320} load="priority" />));
    expect(img.loading).toBe('eager');
    expect(img.fetchpriority).toBe('high');
    expect(img.src).toBe('/photos/pho_abc123/320.webp');
    expect([img.width, img.height]).toEqual(['320', '240']);
  });

  it('shows a placeholder with the category, not a broken image, when there is no photo', () => {
    const html = renderToStaticMarkup(<ProductImage product={{ ...product, photos: [] }} size={96} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('data-testid="photo-placeholder"');
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('Makanan ringan');
  });

  it('ignores variant URLs that are not catalog photo paths', () => {
    const foreign = { ...photo, variants: [{ width: 320, url: 'https://evil.example/x.jpg' }] };
    const html = renderToStaticMarkup(<ProductImage product={{ ...product, photos: [foreign] }} size={96} />);
    expect(html).not.toContain('evil.example');
    expect(html).toContain('photo-placeholder');
  });
});
