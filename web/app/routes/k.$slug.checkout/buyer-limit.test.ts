import { describe, expect, it } from 'vitest';
import { loadProduct } from '~/routes/k.$slug.produk.$productId/product.server';
import { CheckoutSchema } from '~/schemas/checkout.schema';
import { parseForm } from '~/schemas/form';
import { translate } from '~/utils/i18n';
import { KERIPIK, LPG_SUBSIDI } from '../../../test/fixtures';
import { args, get, post, run } from '../../../test/route-helpers';
import { cartWith, installFakeServices } from '../../../test/setup-services';
import { loadCheckout, submitCheckout } from './checkout.server';

const services = installFakeServices();
const slug = 'karangbesuki';
const NIK = '3573011204900001';
const form = (overrides: Record<string, string> = {}) => ({
  idempotencyKey: `key-${Math.random()}`,
  name: 'Siti Aminah',
  phone: '0812 3456 7890',
  fulfilment: 'pickup',
  paymentMethod: 'cash',
  ...overrides,
});
const checkout = (fields: Record<string, string>, cookie: string) =>
  run<{ errors: Record<string, unknown>; values: Record<string, string> }>(() =>
    submitCheckout(args(post(`/k/${slug}/checkout`, fields, cookie), { slug })),
  );
const loadForm = (cookie: string) =>
  run<{ limitedProducts: string[] }>(() => loadCheckout(args(get(`/k/${slug}/checkout`, cookie), { slug })));
const orderPosts = () =>
  services.current.calls.filter((c) => c.method === 'POST' && c.url.pathname === '/orders');

function stockLpg() {
  services.current.products.set(LPG_SUBSIDI.id, structuredClone(LPG_SUBSIDI));
}

describe('NIK at checkout (goods limited per buyer)', () => {
  it('is not asked for a cart without limited goods', async () => {
    const res = await loadForm(await cartWith(KERIPIK.id));
    expect(res.data.limitedProducts).toEqual([]);
  });

  it('is asked, naming the product, when the cart holds one', async () => {
    stockLpg();
    const cookie = await cartWith(LPG_SUBSIDI.id, 1, await cartWith(KERIPIK.id));
    const res = await loadForm(cookie);
    expect(res.data.limitedProducts).toEqual(['LPG 3 kg bersubsidi']);
    expect(translate('id', 'checkout.nikHint', { products: 'LPG' })).toContain('hash');
  });

  it('is required then: no NIK → 400 next to the field, no order placed', async () => {
    stockLpg();
    const res = await checkout(form(), await cartWith(LPG_SUBSIDI.id));
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ buyerNik: 'errors.nikRequired' });
    expect(orderPosts()).toEqual([]);
  });

  it('must be 16 digits (spaces allowed as typed), and is never echoed back into the page', async () => {
    stockLpg();
    const res = await checkout(form({ buyerNik: '3573 0112 0490' }), await cartWith(LPG_SUBSIDI.id));
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ buyerNik: 'errors.nik' });
    expect(res.data.values.buyerNik).toBeUndefined();
    expect(
      parseForm(CheckoutSchema, new URLSearchParams(form({ buyerNik: '3573 0112 0490 0001' }))),
    ).toMatchObject({
      ok: true,
      data: { buyerNik: NIK },
    });
  });

  it('is sent to orders with the order (and the optional email in the contact)', async () => {
    stockLpg();
    const res = await checkout(
      form({ buyerNik: NIK, email: 'siti@contoh.id' }),
      await cartWith(LPG_SUBSIDI.id, 2),
    );
    expect(res.status).toBe(302);
    expect(orderPosts()[0]?.body).toMatchObject({
      buyerNik: NIK,
      contact: { name: 'Siti Aminah', phone: '+6281234567890', email: 'siti@contoh.id' },
    });
  });

  it('is not sent for a cart without limited goods, even if typed', async () => {
    const res = await checkout(form({ buyerNik: NIK }), await cartWith(KERIPIK.id));
    expect(res.status).toBe(302);
    expect(orderPosts()[0]?.body).not.toHaveProperty('buyerNik');
  });

  it('shows the 409 ORDER.BUYER_LIMIT message: the product, the limit, what was bought, when it resets', async () => {
    stockLpg();
    services.current.boughtByNik.set(`${NIK}:${LPG_SUBSIDI.id}`, 2);
    const res = await checkout(form({ buyerNik: NIK }), await cartWith(LPG_SUBSIDI.id));
    expect(res.status).toBe(409);
    expect(res.data.errors).toEqual({
      form: {
        key: 'errors.buyerLimit',
        vars: {
          product: 'LPG 3 kg bersubsidi',
          limit: 2,
          period: 'minggu',
          bought: 2,
          resets: '19 Mei 2026',
        },
      },
    });
    expect(
      translate('id', 'errors.buyerLimit', {
        product: 'LPG 3 kg bersubsidi',
        limit: 2,
        period: 'minggu',
        bought: 2,
        resets: '19 Mei 2026',
      }),
    ).toBe(
      'Batas pembelian LPG 3 kg bersubsidi sudah tercapai: maks. 2 per minggu per NIK (sudah dibeli 2). Bisa dibeli lagi mulai 19 Mei 2026.',
    );
  });
});

describe('email at checkout', () => {
  it('is optional, and a wrong one is a field error', async () => {
    const cookie = await cartWith(KERIPIK.id);
    const bad = await checkout(form({ email: 'siti@' }), cookie);
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ email: 'errors.email' });
    expect(translate('id', 'checkout.email')).toBe('Email (opsional) — untuk kabar pesanan');
  });
});

describe('product page: HET and the per-NIK limit', () => {
  it('passes the HET flag and the limit through from catalog', async () => {
    stockLpg();
    const res = await run<{ product: { het?: boolean; buyerLimit?: unknown } }>(() =>
      loadProduct(args(get(`/k/${slug}/produk/${LPG_SUBSIDI.id}`), { slug, productId: LPG_SUBSIDI.id })),
    );
    expect(res.data.product).toMatchObject({ het: true, buyerLimit: { quantity: 2, period: 'week' } });
    expect(
      translate('id', 'product.buyerLimit', {
        quantity: 2,
        unit: translate('id', 'unitName.tabung'),
        period: translate('id', 'period.week'),
      }),
    ).toBe('Maks. 2 tabung per minggu per NIK');
    expect(translate('id', 'product.het')).toBe('Harga Eceran Tertinggi (HET)');
  });
});
