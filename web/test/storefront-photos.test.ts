import { describe, expect, it } from 'vitest';
import { loader as sellerPageLoader } from '~/routes/k.$slug.penjual.$sellerId/route';
import { loader as productLoader } from '~/routes/k.$slug.produk.$productId/route';
import { loader as photoLoader } from '~/routes/photos.$photoId.$file/route';
import { SRI } from './fixtures';
import { args, get, jpeg, multipart, run } from './route-helpers';
import { installFakeServices, signInAs, withSellers } from './setup-services';

const services = installFakeServices();
const slug = 'karangbesuki';

/** A listing of Bu Sri's with one uploaded photo, on the storefront. */
async function listingWithPhoto() {
  withSellers(services.current);
  const l = services.current.sellers.addListing(SRI.personId, { name: 'Rengginang Bu Sri' });
  const cookie = await signInAs(SRI);
  const { action } = await import('~/routes/jual.$slug.barang.$productId/route');
  const res = await run(() =>
    action(
      args(
        multipart(`/jual/${slug}/barang/${l.product.id}`, { intent: 'photo' }, { photo: jpeg() }, cookie),
        {
          slug,
          productId: l.product.id,
        },
      ),
    ),
  );
  expect(res.status).toBe(302);
  return l;
}

describe('photos and sellers on the storefront', () => {
  it("gives the product page the photos and the seller's shop", async () => {
    const l = await listingWithPhoto();
    const res = await run<{ product: { photos: { variants: { url: string }[] }[]; seller: unknown } }>(() =>
      productLoader(args(get(`/k/${slug}/produk/${l.product.id}`), { slug, productId: l.product.id })),
    );
    expect(res.status).toBe(200);
    expect(res.data.product.seller).toEqual({ sellerId: 'mbr_kb_sri', shopName: 'Keripik Bu Sri' });
    expect(res.data.product.photos[0]?.variants.map((v) => v.url)).toEqual([
      expect.stringMatching(/^\/photos\/pho_\w+\/320\.webp$/),
      expect.stringMatching(/\/640\.webp$/),
      expect.stringMatching(/\/1280\.webp$/),
    ]);
  });

  it('proxies a photo variant from catalog with its cache headers, and 304 for a known ETag', async () => {
    const l = await listingWithPhoto();
    const photoId = l.photos[0]?.photoId ?? '';
    const res = await run(() =>
      photoLoader(args(get(`/photos/${photoId}/640.webp`), { photoId, file: '640.webp' })),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/webp');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    const etag = res.headers.get('ETag') ?? '';
    expect(etag).not.toBe('');
    const again = await run(() =>
      photoLoader(
        args(get(`/photos/${photoId}/640.webp`, '', { 'If-None-Match': etag }), {
          photoId,
          file: '640.webp',
        }),
      ),
    );
    expect(again.status).toBe(304);
    const missing = await run(() =>
      photoLoader(args(get('/photos/pho_nope/640.webp'), { photoId: 'pho_nope', file: '640.webp' })),
    );
    expect(missing.status).toBe(404);
  });

  it('asks catalog nothing for a name that is not a WebP variant', async () => {
    const before = services.current.calls.length;
    for (const [photoId, file] of [
      ['pho_x', '../../etc/passwd'],
      ['pho_x', '640.png'],
      ['pho x', '640.webp'],
    ] as const) {
      const res = await run(() => photoLoader(args(get('/photos/x/y'), { photoId, file })));
      expect(res.status).toBe(404);
    }
    expect(services.current.calls.length).toBe(before);
  });

  it("lists a seller's goods on their page; a suspended or unknown seller is a 404", async () => {
    const l = await listingWithPhoto();
    const page = await run<{ seller: { shopName: string }; products: { id: string }[] }>(() =>
      sellerPageLoader(args(get(`/k/${slug}/penjual/mbr_kb_sri`), { slug, sellerId: 'mbr_kb_sri' })),
    );
    expect(page.status).toBe(200);
    expect(page.data.seller.shopName).toBe('Keripik Bu Sri');
    expect(page.data.products.map((p) => p.id)).toContain(l.product.id);
    const seller = services.current.sellers.sellers.get('mbr_kb_sri');
    if (seller) seller.status = 'suspended';
    const gone = await run<{ what: string }>(() =>
      sellerPageLoader(args(get(`/k/${slug}/penjual/mbr_kb_sri`), { slug, sellerId: 'mbr_kb_sri' })),
    );
    expect(gone.status).toBe(404);
    expect(gone.data.what).toBe('seller');
    const other = await run(() =>
      sellerPageLoader(args(get('/k/dinoyo/penjual/mbr_kb_sri'), { slug: 'dinoyo', sellerId: 'mbr_kb_sri' })),
    );
    expect(other.status).toBe(404);
  });
});
