import { describe, expect, it, vi } from 'vitest';
import { loader as notaLoader } from '~/routes/k_.$slug.pesanan.$orderId.nota/route';
import { loader as pdfLoader } from '~/routes/k_.$slug.pesanan.$orderId.nota[.]pdf/route';
import { submitCheckout } from '~/routes/k.$slug.checkout/checkout.server';
import { showsPickupCode } from '~/utils/order-status';
import { KERIPIK } from '../../../test/fixtures';
import { args, cookieOf, get, post, run } from '../../../test/route-helpers';
import { cartWith, installFakeServices } from '../../../test/setup-services';
import { loadOrder } from './order.server';

const services = installFakeServices();
const slug = 'karangbesuki';

async function placed(): Promise<{ orderId: string; cookie: string }> {
  const cart = await cartWith(KERIPIK.id, 2);
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
const load = (orderId: string, cookie: string) =>
  run<{ order: Record<string, unknown> }>(() =>
    loadOrder(args(get(`/k/${slug}/pesanan/${orderId}`, cookie), { slug, orderId })),
  );

describe('shopper order page: fulfilment steps', () => {
  it('shows the nota number once the order is packed, and the pickup code while it is ready', async () => {
    const { orderId, cookie } = await placed();
    services.current.fulfilment.setStatus(orderId, 'PACKED', { notaNumber: 'KRB-2026-000123' });
    expect((await load(orderId, cookie)).data.order).toMatchObject({
      status: 'PACKED',
      notaNumber: 'KRB-2026-000123',
    });
    services.current.fulfilment.setStatus(orderId, 'READY_FOR_PICKUP');
    const ready = await load(orderId, cookie);
    expect(ready.data.order).toMatchObject({ status: 'READY_FOR_PICKUP', pickupCode: 'K7M2QP' });
    expect(showsPickupCode('READY_FOR_PICKUP')).toBe(true);
    expect(showsPickupCode('COMPLETED')).toBe(false);
  });

  it('after a cash handover gives the cash received and the change; the timeline has every step', async () => {
    const { orderId, cookie } = await placed();
    services.current.fulfilment.setStatus(orderId, 'PACKED', { notaNumber: 'KRB-2026-000124' });
    services.current.fulfilment.setStatus(orderId, 'READY_FOR_PICKUP');
    services.current.fulfilment.setStatus(orderId, 'COMPLETED', { cashReceived: 50_000, change: 20_000 });
    const res = await load(orderId, cookie);
    expect(res.data.order).toMatchObject({ status: 'COMPLETED', cashReceived: 50_000, change: 20_000 });
    expect((res.data.order.timeline as { status: string }[]).map((t) => t.status)).toEqual([
      'PLACED',
      'PACKED',
      'READY_FOR_PICKUP',
      'COMPLETED',
    ]);
  });

  it('an order without a nota number yet (placed before nota numbers) renders', async () => {
    const { orderId, cookie } = await placed();
    const res = await load(orderId, cookie);
    expect(res.status).toBe(200);
    expect(res.data.order.notaNumber).toBeNull();
  });
});

describe('shopper nota', () => {
  it('renders the nota for a browser holding the order token', async () => {
    const { orderId, cookie } = await placed();
    services.current.fulfilment.setStatus(orderId, 'PACKED', { notaNumber: 'KRB-2026-000123' });
    const res = await run<{ nota: { notaNumber: string; total: number }; back: string; pdf: string }>(() =>
      notaLoader(args(get(`/k/${slug}/pesanan/${orderId}/nota`, cookie), { slug, orderId })),
    );
    expect(res.status).toBe(200);
    expect(res.data.nota).toMatchObject({ notaNumber: 'KRB-2026-000123', total: 30_000 });
    expect(res.data.pdf).toBe(`/k/${slug}/pesanan/${orderId}/nota.pdf`);
    const [call] = services.current.calls.filter((c) => c.url.pathname.endsWith('/nota'));
    expect(call?.headers.get('X-Order-Token')).toMatch(/^tok_/);
  });

  it('is a 404 without the token, in another market, or before there is a nota', async () => {
    const { orderId, cookie } = await placed();
    const noNota = await run(() => notaLoader(args(get('/x', cookie), { slug, orderId })));
    expect(noNota.status).toBe(404);
    services.current.fulfilment.setStatus(orderId, 'PACKED', { notaNumber: 'KRB-2026-000123' });
    expect((await run(() => notaLoader(args(get('/x'), { slug, orderId })))).status).toBe(404);
    expect((await run(() => notaLoader(args(get('/x', cookie), { slug: 'dinoyo', orderId })))).status).toBe(
      404,
    );
  });

  it('proxies the PDF with the order token server-side: application/pdf, attachment, not cached', async () => {
    const { orderId, cookie } = await placed();
    services.current.fulfilment.setStatus(orderId, 'PACKED', { notaNumber: 'KRB-2026-000123' });
    const res = (await pdfLoader(
      args(get(`/k/${slug}/pesanan/${orderId}/nota.pdf`, cookie), { slug, orderId }),
    )) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="nota-${orderId}.pdf"`);
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await res.text()).toMatch(/^%PDF/);
  });

  it('answers 503 when orders sends something that is not a PDF', async () => {
    const { orderId, cookie } = await placed();
    services.current.fulfilment.setStatus(orderId, 'PACKED', { notaNumber: 'KRB-2026-000123' });
    const realFetch = services.current.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).endsWith('/nota.pdf')
        ? new Response('<html>oops</html>', { headers: { 'Content-Type': 'text/html' } })
        : realFetch(input, init),
    );
    const res = (await pdfLoader(args(get('/x', cookie), { slug, orderId }))) as Response;
    expect(res.status).toBe(503);
  });
});
