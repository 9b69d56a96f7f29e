import { describe, expect, it } from 'vitest';
import { loader as eventsLoader } from '~/routes/k.$slug.pesanan.$orderId.events/route';
import { submitCheckout } from '~/routes/k.$slug.checkout/checkout.server';
import { KERIPIK } from '../../../test/fixtures';
import { args, cookieOf, get, post, run } from '../../../test/route-helpers';
import { cartWith, installFakeServices } from '../../../test/setup-services';
import { cancelOrderAction, loadOrder } from './order.server';

const services = installFakeServices();
const slug = 'karangbesuki';

/** A placed order and the cookie that may see it. */
async function placed(): Promise<{ orderId: string; cookie: string }> {
  const cart = await cartWith(KERIPIK.id, 1);
  const fields = {
    idempotencyKey: `key-${Math.random()}`,
    name: 'Siti',
    phone: '081234567890',
    fulfilment: 'pickup',
    paymentMethod: 'cash',
  };
  const res = await run(() => submitCheckout(args(post(`/k/${slug}/checkout`, fields, cart), { slug })));
  return {
    orderId: (res.headers.get('Location') ?? '').split('/').pop() ?? '',
    cookie: cookieOf(res.headers, cart),
  };
}
const load = (orderId: string, cookie: string, query = '') =>
  run<Record<string, unknown>>(() =>
    loadOrder(args(get(`/k/${slug}/pesanan/${orderId}${query}`, cookie), { slug, orderId })),
  );
const cancel = (orderId: string, cookie: string) =>
  run<Record<string, unknown>>(() =>
    cancelOrderAction(
      args(post(`/k/${slug}/pesanan/${orderId}`, { intent: 'cancel' }, cookie), { slug, orderId }),
    ),
  );

describe('order page', () => {
  it('is a 404 in a browser that holds no token for the order, without asking the service', async () => {
    const { orderId } = await placed();
    const before = services.current.calls.length;
    const res = await load(orderId, '');
    expect(res.status).toBe(404);
    expect(res.data).toEqual({ reason: 'not-found', what: 'order' });
    expect(services.current.calls.length).toBe(before);
  });

  it('is a 404 for a malformed order id', async () => {
    expect((await load('ord_../../x', '')).status).toBe(404);
  });

  it('opens from its secret link on another device, then drops the token from the address', async () => {
    const { orderId } = await placed();
    const token = [...services.current.orders.values()][0]?.token ?? '';
    const res = await load(orderId, '', `?token=${token}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`/k/${slug}/pesanan/${orderId}`);
    const page = await load(orderId, cookieOf(res.headers));
    expect(page.data.order).toMatchObject({ id: orderId, status: 'PLACED' });
  });

  it('is a 404 for a secret link with the wrong token', async () => {
    const { orderId } = await placed();
    expect((await load(orderId, '', '?token=guess')).status).toBe(404);
  });

  it('cancels, and then says it can no longer be cancelled', async () => {
    const { orderId, cookie } = await placed();
    const first = await cancel(orderId, cookie);
    expect(first.status).toBe(302);
    const page = await load(orderId, cookieOf(first.headers, cookie));
    expect(page.data).toMatchObject({
      order: { status: 'CANCELLED', canCancel: false },
      notice: { key: 'order.cancelled' },
    });
    const second = await cancel(orderId, cookie);
    expect(second.status).toBe(409);
    expect(second.data).toEqual({ error: 'order.cannotCancel' });
  });
});

describe('order events resource route', () => {
  it('streams the orders service’s events for the order', async () => {
    const { orderId, cookie } = await placed();
    const res = await eventsLoader(
      args(get(`/k/${slug}/pesanan/${orderId}/events`, cookie), { slug, orderId }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/event-stream');
    expect(res.headers.get('Cache-Control')).toContain('no-transform');
    expect(await res.text()).toContain(`event: order\ndata: {"id":"${orderId}"`);
  });

  it('is a 404 without the token, and a 503 when orders is down', async () => {
    const { orderId, cookie } = await placed();
    const none = await run(() =>
      eventsLoader(args(get(`/k/${slug}/pesanan/${orderId}/events`), { slug, orderId })),
    );
    expect(none.status).toBe(404);
    services.current.down.add('orders');
    const down = await eventsLoader(
      args(get(`/k/${slug}/pesanan/${orderId}/events`, cookie), { slug, orderId }),
    );
    expect(down.status).toBe(503);
  });
});
