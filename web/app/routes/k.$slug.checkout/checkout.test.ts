import { describe, expect, it } from 'vitest';
import { loadOrder } from '~/routes/k.$slug.pesanan.$orderId/order.server';
import { KERIPIK } from '../../../test/fixtures';
import { args, cookieOf, get, post, run } from '../../../test/route-helpers';
import { cartWith, installFakeServices } from '../../../test/setup-services';
import { loadCheckout, paymentWait, submitCheckout } from './checkout.server';

const services = installFakeServices();
const params = { slug: 'karangbesuki' };
const form = (overrides: Record<string, string> = {}) => ({
  idempotencyKey: 'key-0001-abcdef',
  name: 'Siti Aminah',
  phone: '0812 3456 7890',
  fulfilment: 'pickup',
  paymentMethod: 'cash',
  ...overrides,
});
const checkout = (fields: Record<string, string>, cookie: string, slug = 'karangbesuki') =>
  run<Record<string, unknown>>(() =>
    submitCheckout(args(post(`/k/${slug}/checkout`, fields, cookie), { slug })),
  );
const orderPosts = () =>
  services.current.calls.filter((c) => c.method === 'POST' && c.url.pathname === '/orders');

describe('checkout loader', () => {
  it('renders a fresh idempotency key each time', async () => {
    const cookie = await cartWith(KERIPIK.id, 2);
    const first = await run(() => loadCheckout(args(get('/k/karangbesuki/checkout', cookie), params)));
    const second = await run(() => loadCheckout(args(get('/k/karangbesuki/checkout', cookie), params)));
    expect(first.data.idempotencyKey).toEqual(expect.any(String));
    expect(first.data.idempotencyKey).not.toBe(second.data.idempotencyKey);
    expect(first.data.cart).toMatchObject({ itemCount: 2, subtotal: 30_000 });
  });
});

describe('checkout action', () => {
  it('answers 400 with the phone error next to the field, and places no order', async () => {
    const cookie = await cartWith(KERIPIK.id);
    const res = await checkout(form({ phone: '12345' }), cookie);
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ phone: 'errors.phone' });
    // The form comes back filled in, with the same key so a corrected retry is still the same order.
    expect(res.data.values).toMatchObject({ name: 'Siti Aminah', phone: '12345' });
    expect(res.data.idempotencyKey).toBe('key-0001-abcdef');
    expect(orderPosts()).toHaveLength(0);
  });

  it('asks for the address when delivery is chosen without one', async () => {
    const cookie = await cartWith(KERIPIK.id);
    const res = await checkout(form({ fulfilment: 'delivery' }), cookie);
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({
      street: 'errors.required',
      kelurahan: 'errors.required',
      kecamatan: 'errors.required',
      city: 'errors.required',
    });
  });

  it('places a pickup order with the idempotency key and redirects to the order page', async () => {
    const cookie = await cartWith(KERIPIK.id, 2);
    const res = await checkout(form(), cookie);
    expect(res.status).toBe(302);
    const location = res.headers.get('Location') ?? '';
    expect(location).toMatch(/^\/k\/karangbesuki\/pesanan\/ord_\w+$/);
    const [call] = orderPosts();
    expect(call?.headers.get('Idempotency-Key')).toBe('key-0001-abcdef');
    expect(call?.body).toEqual({
      cartId: expect.stringMatching(/^crt_/),
      fulfilment: { method: 'pickup' },
      contact: { name: 'Siti Aminah', phone: '+6281234567890' },
      paymentMethod: 'cash',
    });

    // The order's access token went into the session: the order page opens with it.
    const orderCookie = cookieOf(res.headers, cookie);
    const orderId = location.split('/').pop() ?? '';
    const page = await run(() =>
      loadOrder(args(get(location, orderCookie), { slug: 'karangbesuki', orderId })),
    );
    expect(page.status).toBe(200);
    expect(page.data).toMatchObject({
      order: { id: orderId, status: 'PLACED' },
      notice: { key: 'order.placedNotice' },
    });
  });

  it('sends the delivery address in the shape the orders service expects', async () => {
    const cookie = await cartWith(KERIPIK.id);
    const res = await checkout(
      form({
        fulfilment: 'delivery',
        street: 'Jl. Kenanga 5',
        rtRw: '02/05',
        kelurahan: 'Karangbesuki',
        kecamatan: 'Sukun',
        city: 'Kota Malang',
        postalCode: '',
      }),
      cookie,
    );
    expect(res.status).toBe(302);
    expect(orderPosts()[0]?.body).toMatchObject({
      fulfilment: {
        method: 'delivery',
        address: {
          street: 'Jl. Kenanga 5',
          rt_rw: '02/05',
          kelurahan: 'Karangbesuki',
          kecamatan: 'Sukun',
          city: 'Kota Malang',
        },
      },
    });
  });

  it('makes one order from a double submit of the same form', async () => {
    const cookie = await cartWith(KERIPIK.id);
    const first = await checkout(form(), cookie);
    const second = await checkout(form(), cookie);
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'));
    expect(services.current.orders.size).toBe(1);
  });

  it('says the cart is empty when the order was already placed from it', async () => {
    const cookie = await cartWith(KERIPIK.id);
    await checkout(form(), cookie);
    const res = await checkout(form({ idempotencyKey: 'key-0002-abcdef' }), cookie);
    expect(res.status).toBe(409);
    expect(res.data.errors).toEqual({ form: 'errors.cartEmpty' });
  });

  it('refuses delivery where the cooperative does not deliver, before calling the orders service', async () => {
    const res = await checkout(
      form({
        fulfilment: 'delivery',
        street: 'Jl. Tani 1',
        kelurahan: 'Bumiayu',
        kecamatan: 'Kedungkandang',
        city: 'Malang',
      }),
      '',
      'bumiayu',
    );
    expect(res.status).toBe(409);
    expect(res.data.errors).toEqual({ fulfilment: 'errors.deliveryUnavailable' });
    expect(orderPosts()).toHaveLength(0);
  });

  it('shows the friendly 503 page when the orders service is down', async () => {
    const cookie = await cartWith(KERIPIK.id);
    services.current.down.add('orders');
    const res = await checkout(form(), cookie);
    expect(res.status).toBe(503);
    expect(res.data).toMatchObject({ reason: 'service-unavailable', service: 'orders' });
  });
});

describe('checkout payment methods', () => {
  it('offers the methods the orders service names for the cooperative', async () => {
    const cookie = await cartWith(KERIPIK.id, 1);
    const page = await run(() => loadCheckout(args(get('/k/karangbesuki/checkout', cookie), params)));
    expect(page.data.paymentMethods).toEqual(['cash', 'qris', 'gopay', 'shopeepay', 'bank_transfer', 'card']);
  });

  it('sends the chosen online method and goes straight on to the hosted payment page', async () => {
    const cookie = await cartWith(KERIPIK.id);
    const res = await checkout(form({ paymentMethod: 'qris' }), cookie);
    expect(orderPosts()[0]?.body).toMatchObject({ paymentMethod: 'qris' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toMatch(/^https:\/\/pay\.example\/snap\/ord_/);
    // The session holds the order's token: coming back from the provider opens the order.
    expect(res.headers.get('Set-Cookie')).toBeTruthy();
  });

  it('shows the order page when the payment page is not there within the wait', async () => {
    services.current.payments.openAfterReads = null;
    const saved = { ...paymentWait };
    Object.assign(paymentWait, { timeoutMs: 60, intervalMs: 20 });
    try {
      const cookie = await cartWith(KERIPIK.id);
      const res = await checkout(form({ paymentMethod: 'card' }), cookie);
      expect(res.status).toBe(302);
      expect(res.headers.get('Location')).toMatch(/^\/k\/karangbesuki\/pesanan\/ord_\w+$/);
    } finally {
      Object.assign(paymentWait, saved);
    }
  });

  it('names the payment method when the cooperative does not offer it', async () => {
    services.current.paymentMethods.set('karangbesuki', ['cash']);
    const cookie = await cartWith(KERIPIK.id);
    const res = await checkout(form({ paymentMethod: 'gopay' }), cookie);
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ paymentMethod: 'errors.paymentUnavailable' });
  });

  it('refuses a method that does not exist before calling the orders service', async () => {
    const cookie = await cartWith(KERIPIK.id);
    const res = await checkout(form({ paymentMethod: 'bitcoin' }), cookie);
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ paymentMethod: 'errors.required' });
    expect(orderPosts()).toHaveLength(0);
  });
});
