import { describe, expect, it } from 'vitest';
import { loader as queueEventsLoader } from '~/routes/kelola.$slug.pesanan_.events/route';
import { loader as queueLoader } from '~/routes/kelola.$slug.pesanan/route';
import {
  action as stepRoute,
  loader as staffOrderLoader,
} from '~/routes/kelola.$slug.pesanan_.$orderId/route';
import { loader as staffNotaLoader } from '~/routes/kelola_.$slug.pesanan.$orderId.nota/route';
import { loader as staffPdfLoader } from '~/routes/kelola_.$slug.pesanan.$orderId.nota[.]pdf/route';
import { submitCheckout } from '~/routes/k.$slug.checkout/checkout.server';
import { completeSchema } from '~/schemas/fulfilment.schema';
import { parseForm } from '~/schemas/form';
import { jakartaToday } from '~/utils/datetime';
import { columnKeyOf } from '~/utils/fulfilment.server';
import { stepsFor } from '~/utils/fulfilment';
import { translate } from '~/utils/i18n';
import { WRONG_CODES_BEFORE_THROTTLE } from './fake-fulfilment';
import { DINOYO_KETUA, type FakePerson, GUDANG, KASIR, KERIPIK, KETUA, PENGAWAS, SHOPPER } from './fixtures';
import { args, cookiesOf, get, post, run } from './route-helpers';
import { cartWith, installFakeServices, signInAs } from './setup-services';

const services = installFakeServices();
const slug = 'karangbesuki';

/** A shopper's order from a fresh cart: 2 × Keripik (Rp 30.000), cash, pickup unless said otherwise. */
async function placeOrder(fulfilment: 'pickup' | 'delivery' = 'pickup', paymentMethod = 'cash') {
  const cookie = await cartWith(KERIPIK.id, 2);
  const fields: Record<string, string> = {
    idempotencyKey: `key-${Math.random()}`,
    name: 'Siti Aminah',
    phone: '081234567890',
    fulfilment,
    paymentMethod,
    ...(fulfilment === 'delivery'
      ? { street: 'Jl. Kenanga 3', kelurahan: 'Karangbesuki', kecamatan: 'Sukun', city: 'Kota Malang' }
      : {}),
  };
  const res = await run(() => submitCheckout(args(post(`/k/${slug}/checkout`, fields, cookie), { slug })));
  expect(res.status).toBe(302);
  const orderId = (res.headers.get('Location') ?? '').split('/').pop() ?? '';
  return { orderId, cookie: cookiesOf(res.headers, cookie) };
}

async function signInExtra(person: FakePerson) {
  services.current.people.set(person.personId, structuredClone(person));
  return signInAs(person);
}

interface StaffOrderPage {
  order: {
    id: string;
    notaNumber: string | null;
    status: string;
    whatsappUrl: string | null;
    cashReceived: number | null;
    change: number | null;
  };
  steps: string[];
  notice: { key: string; vars?: Record<string, unknown> } | null;
}
interface StepAnswer {
  intent: string | null;
  errors: Record<string, unknown>;
  values: Record<string, string>;
}

const openOrder = (cookie: string, orderId: string) =>
  run<StaffOrderPage>(() =>
    staffOrderLoader(args(get(`/kelola/${slug}/pesanan/${orderId}`, cookie), { slug, orderId })),
  );
const step = (cookie: string, orderId: string, fields: Record<string, string>) =>
  run<StepAnswer>(() =>
    stepRoute(args(post(`/kelola/${slug}/pesanan/${orderId}`, fields, cookie), { slug, orderId })),
  );
const stepCalls = (suffix: string) =>
  services.current.calls.filter((c) => c.method === 'POST' && c.url.pathname.endsWith(suffix));

interface QueuePage {
  day: string;
  fulfilment: string;
  columns: {
    key: string;
    count: number;
    orders: { id: string; notaNumber: string | null; customer: string; fulfilment: string }[];
  }[];
}
const queue = (cookie: string, query = '') =>
  run<QueuePage>(() => queueLoader(args(get(`/kelola/${slug}/pesanan${query}`, cookie), { slug })));

describe('order queue', () => {
  it("shows today's orders (WIB) in seven columns with their counts, asked with the staff's orders token", async () => {
    const a = await placeOrder();
    const b = await placeOrder('delivery');
    services.current.fulfilment.setStatus(b.orderId, 'CONFIRMED');
    const res = await queue(await signInAs(KASIR));
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    expect(res.data.day).toBe(jakartaToday());
    expect(res.data.columns.map((c) => [c.key, c.count])).toEqual([
      ['new', 1],
      ['toPack', 1],
      ['packed', 0],
      ['readyForPickup', 0],
      ['outForDelivery', 0],
      ['completed', 0],
      ['problems', 0],
    ]);
    expect(res.data.columns[0]?.orders[0]).toMatchObject({
      id: a.orderId,
      customer: 'Siti Aminah',
      fulfilment: 'pickup',
    });
    const [call] = services.current.calls.filter((c) => c.url.pathname.endsWith('/orders/queue'));
    expect(call?.url.searchParams.get('day')).toBe(jakartaToday());
    expect(call?.headers.get('Authorization')).toMatch(/^Bearer at\.orders\.per_kb_kasir\./);
  });

  it('filters by fulfilment method and day; a malformed day falls back to today', async () => {
    await placeOrder('pickup');
    await placeOrder('delivery');
    const cookie = await signInAs(KASIR);
    const delivery = await queue(cookie, '?fulfilment=delivery');
    expect(delivery.data.fulfilment).toBe('delivery');
    expect(delivery.data.columns[0]?.orders.map((o) => o.fulfilment)).toEqual(['delivery']);
    const yesterday = await queue(cookie, '?day=2026-01-02');
    expect(yesterday.data.day).toBe('2026-01-02');
    expect(yesterday.data.columns.every((c) => c.count === 0)).toBe(true);
    const bad = await queue(cookie, '?day=2026-02-31&fulfilment=drone');
    expect(bad.data).toMatchObject({ day: jakartaToday(), fulfilment: '' });
  });

  it('lists newest first and shows the nota number once there is one', async () => {
    const first = await placeOrder();
    const second = await placeOrder();
    services.current.fulfilment.setStatus(second.orderId, 'PLACED', { notaNumber: 'KRB-2026-000123' });
    const res = await queue(await signInAs(KETUA));
    expect(res.data.columns[0]?.orders.map((o) => o.id)).toEqual([second.orderId, first.orderId]);
    expect(res.data.columns[0]?.orders[0]?.notaNumber).toBe('KRB-2026-000123');
  });

  it('reads the column keys loosely in one place (to_pack, READY-FOR-PICKUP…) and drops unknown ones', async () => {
    expect(columnKeyOf('to_pack')).toBe('toPack');
    expect(columnKeyOf('READY-FOR-PICKUP')).toBe('readyForPickup');
    expect(columnKeyOf('out_for_delivery')).toBe('outForDelivery');
    expect(columnKeyOf('problem')).toBe('problems');
    expect(columnKeyOf('archive')).toBeNull();
    const o = await placeOrder();
    services.current.fulfilment.setStatus(o.orderId, 'CONFIRMED');
    services.current.fulfilment.columnNames.toPack = 'to_pack';
    const res = await queue(await signInAs(KASIR));
    expect(res.data.columns.find((c) => c.key === 'toPack')?.count).toBe(1);
  });

  it('is for staff only: another cooperative or a shopper gets 404, nobody is sent to sign in', async () => {
    const { cookie } = await placeOrder();
    expect((await queue(cookie)).status).toBe(302);
    expect((await queue(await signInAs(SHOPPER))).status).toBe(404);
    expect((await queue(await signInAs(DINOYO_KETUA))).status).toBe(404);
  });

  it('proxies the live stream with the token server-side (text/event-stream, no token in the page)', async () => {
    await placeOrder();
    const cookie = await signInAs(KASIR);
    const res = await queueEventsLoader(args(get(`/kelola/${slug}/pesanan/events`, cookie), { slug }));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    expect(await res.text()).toContain('event: order');
    const [call] = services.current.calls.filter((c) => c.url.pathname.endsWith('/orders/stream'));
    expect(call?.headers.get('Authorization')).toMatch(/^Bearer at\.orders\.per_kb_kasir\./);
  });

  it('answers 503 (EventSource retries) when orders is down', async () => {
    const cookie = await signInAs(KASIR);
    services.current.down.add('orders');
    const res = await queueEventsLoader(args(get(`/kelola/${slug}/pesanan/events`, cookie), { slug }));
    expect(res.status).toBe(503);
  });
});

describe('staff order steps', () => {
  it('packs a confirmed order: post/redirect/get with a notice naming the nota number', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'CONFIRMED');
    const cookie = await signInExtra(GUDANG);
    expect((await openOrder(cookie, orderId)).data.steps).toEqual(['pack']);
    const res = await step(cookie, orderId, { intent: 'pack' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`/kelola/${slug}/pesanan/${orderId}`);
    const after = await openOrder(cookiesOf(res.headers, cookie), orderId);
    expect(after.data.order).toMatchObject({ status: 'PACKED', notaNumber: 'KRB-2026-000001' });
    expect(after.data.notice).toEqual({ key: 'staff.step.done.pack', vars: { order: 'KRB-2026-000001' } });
    expect(after.data.steps).toEqual(['ready']);
    expect(stepCalls('/pack')[0]?.headers.get('Authorization')).toMatch(
      /^Bearer at\.orders\.per_kb_gudang\./,
    );
    // /pack documents no request body: none is sent.
    expect(stepCalls('/pack')[0]?.headers.get('Content-Type')).toBeNull();
  });

  it('marks a packed pickup order ready, a packed delivery order out for delivery', async () => {
    const pickup = await placeOrder('pickup');
    const delivery = await placeOrder('delivery');
    services.current.fulfilment.setStatus(pickup.orderId, 'PACKED');
    services.current.fulfilment.setStatus(delivery.orderId, 'PACKED');
    const cookie = await signInAs(KASIR);
    expect((await step(cookie, pickup.orderId, { intent: 'ready' })).status).toBe(302);
    expect((await step(cookie, delivery.orderId, { intent: 'out-for-delivery' })).status).toBe(302);
    expect(services.current.orders.get(pickup.orderId)?.order.status).toBe('READY_FOR_PICKUP');
    expect(services.current.orders.get(delivery.orderId)?.order.status).toBe('OUT_FOR_DELIVERY');
  });

  it('says clearly when the order moved on meanwhile (409 ORDER.INVALID_TRANSITION)', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'CONFIRMED');
    const gudang = await signInExtra(GUDANG);
    const ketua = await signInAs(KETUA);
    expect((await step(gudang, orderId, { intent: 'pack' })).status).toBe(302);
    const again = await step(ketua, orderId, { intent: 'pack' });
    expect(again.status).toBe(409);
    expect(again.data.errors).toEqual({ form: 'staff.step.invalidTransition' });
    expect(translate('id', 'staff.step.invalidTransition')).toContain('status pesanan sudah berubah');
  });

  it('completes a cash pickup with the right code and the cash taken; the change is recorded', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'READY_FOR_PICKUP');
    const cookie = await signInAs(KASIR);
    const res = await step(cookie, orderId, {
      intent: 'complete',
      pickupCode: ' k7m2qp ',
      cashReceived: 'Rp 50.000',
    });
    expect(res.status).toBe(302);
    expect(stepCalls('/hand-over')[0]?.body).toEqual({ pickupCode: 'K7M2QP', cashReceived: 50_000 });
    const after = await openOrder(cookiesOf(res.headers, cookie), orderId);
    expect(after.data.order).toMatchObject({ status: 'COMPLETED', cashReceived: 50_000, change: 20_000 });
    expect(after.data.steps).toEqual([]);
  });

  it('refuses a wrong pickup code next to the field (422), changing nothing', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'READY_FOR_PICKUP');
    const res = await step(await signInAs(KASIR), orderId, {
      intent: 'complete',
      pickupCode: 'ZZZZZZ',
      cashReceived: '30000',
    });
    expect(res.status).toBe(422);
    expect(res.data.errors).toEqual({ pickupCode: 'staff.step.wrongCode' });
    expect(res.data.values.cashReceived).toBe('30000');
    expect(services.current.orders.get(orderId)?.order.status).toBe('READY_FOR_PICKUP');
  });

  it('after too many wrong codes says how long to wait (429 with Retry-After)', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'READY_FOR_PICKUP');
    const cookie = await signInAs(KASIR);
    const wrong = { intent: 'complete', pickupCode: 'ZZZZZZ', cashReceived: '30000' };
    for (let i = 0; i < WRONG_CODES_BEFORE_THROTTLE; i++) await step(cookie, orderId, wrong);
    const res = await step(cookie, orderId, { ...wrong, pickupCode: 'K7M2QP' });
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('300');
    expect(res.data.errors).toEqual({ pickupCode: { key: 'staff.step.tooManyCodes', vars: { minutes: 5 } } });
    expect(translate('id', 'staff.step.tooManyCodes', { minutes: 5 })).toContain('5 menit');
  });

  it('validates cash before asking orders: required for cash orders, not less than the total', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'READY_FOR_PICKUP');
    const cookie = await signInAs(KASIR);
    const missing = await step(cookie, orderId, {
      intent: 'complete',
      pickupCode: 'K7M2QP',
      cashReceived: '',
    });
    expect(missing.status).toBe(400);
    expect(missing.data.errors).toEqual({ cashReceived: 'errors.cashRequired' });
    const little = await step(cookie, orderId, {
      intent: 'complete',
      pickupCode: 'K7M2QP',
      cashReceived: '29.999',
    });
    expect(little.data.errors).toEqual({ cashReceived: 'errors.cashTooLittle' });
    const words = await step(cookie, orderId, {
      intent: 'complete',
      pickupCode: 'K7M2QP',
      cashReceived: 'lima puluh',
    });
    expect(words.data.errors).toEqual({ cashReceived: 'errors.cashWhole' });
    const noCode = await step(cookie, orderId, { intent: 'complete', cashReceived: '30000' });
    expect(noCode.data.errors).toEqual({ pickupCode: 'errors.pickupCodeRequired' });
    expect(stepCalls('/hand-over')).toEqual([]);
  });

  it('the schema asks no cash for an online order and no code for a delivery', () => {
    const online = completeSchema({ total: 30_000, cash: false, pickup: false });
    const parsed = parseForm(online, new URLSearchParams({ intent: 'complete' }));
    expect(parsed).toEqual({ ok: true, data: { intent: 'complete' } });
  });

  it('cancels with a reason (required), sent to orders', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'PACKED');
    const cookie = await signInAs(KETUA);
    const empty = await step(cookie, orderId, { intent: 'cancel', reason: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.data.errors).toEqual({ reason: 'errors.required' });
    const res = await step(cookie, orderId, { intent: 'cancel', reason: 'Stok rusak saat dikemas' });
    expect(res.status).toBe(302);
    expect(stepCalls('/cancel')[0]?.body).toEqual({ reason: 'Stok rusak saat dikemas' });
    expect(services.current.orders.get(orderId)?.order.status).toBe('CANCELLED');
  });

  it('offers the WhatsApp link the service prepared, and only a wa.me link', async () => {
    const { orderId } = await placeOrder();
    const page = await openOrder(await signInAs(KASIR), orderId);
    expect(page.data.order.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);
  });
});

describe('who may take which step', () => {
  it('the gudang cannot complete a pickup (not offered; refused with 403 if posted), but completes a delivery', async () => {
    const pickup = await placeOrder('pickup');
    const delivery = await placeOrder('delivery');
    services.current.fulfilment.setStatus(pickup.orderId, 'READY_FOR_PICKUP');
    services.current.fulfilment.setStatus(delivery.orderId, 'OUT_FOR_DELIVERY');
    const cookie = await signInExtra(GUDANG);
    expect((await openOrder(cookie, pickup.orderId)).data.steps).toEqual([]);
    const res = await step(cookie, pickup.orderId, {
      intent: 'complete',
      pickupCode: 'K7M2QP',
      cashReceived: '30000',
    });
    expect(res.status).toBe(403);
    expect(res.data.errors).toEqual({ form: 'errors.notAllowed' });
    expect(stepCalls('/hand-over')).toEqual([]);
    expect((await openOrder(cookie, delivery.orderId)).data.steps).toEqual(['complete']);
    const done = await step(cookie, delivery.orderId, { intent: 'complete', cashReceived: '35000' });
    expect(done.status).toBe(302);
  });

  it('the kasir does not pack (orders: gudang, pengurus) but may cancel', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'CONFIRMED');
    const cookie = await signInAs(KASIR);
    expect((await openOrder(cookie, orderId)).data.steps).toEqual(['cancel']);
    expect((await step(cookie, orderId, { intent: 'pack' })).status).toBe(403);
    expect(stepCalls('/pack')).toEqual([]);
  });

  it('the pengawas reads only: no steps offered, every post refused', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'CONFIRMED');
    const cookie = await signInAs(PENGAWAS);
    const page = await openOrder(cookie, orderId);
    expect(page.status).toBe(200);
    expect(page.data.steps).toEqual([]);
    for (const intent of ['pack', 'cancel']) {
      const res = await step(cookie, orderId, { intent, reason: 'coba' });
      expect(res.status).toBe(403);
    }
    expect(services.current.orders.get(orderId)?.order.status).toBe('CONFIRMED');
  });

  it('the state machine and roles agree with the service (pure rule)', () => {
    expect(stepsFor({ status: 'PAID', fulfilment: 'delivery' }, ['kasir'])).toEqual(['cancel']);
    expect(stepsFor({ status: 'PAID', fulfilment: 'delivery' }, ['gudang'])).toEqual(['pack']);
    expect(stepsFor({ status: 'PACKED', fulfilment: 'delivery' }, ['gudang'])).toEqual(['out-for-delivery']);
    expect(stepsFor({ status: 'READY_FOR_PICKUP', fulfilment: 'pickup' }, ['pengurus'])).toEqual([
      'complete',
      'cancel',
    ]);
    expect(stepsFor({ status: 'COMPLETED', fulfilment: 'pickup' }, ['pengurus'])).toEqual([]);
  });

  it('an unknown intent is a 400 without asking the service', async () => {
    const { orderId } = await placeOrder();
    const res = await step(await signInAs(KASIR), orderId, { intent: 'teleport' });
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ form: 'errors.invalidForm' });
  });
});

describe('staff nota', () => {
  it('renders the nota of a packed order from orders (number, lines, totals)', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'PACKED', { notaNumber: 'KRB-2026-000123' });
    const cookie = await signInAs(KASIR);
    const res = await run<{ nota: { notaNumber: string; lines: unknown[]; total: number }; pdf: string }>(
      () => staffNotaLoader(args(get(`/kelola/${slug}/pesanan/${orderId}/nota`, cookie), { slug, orderId })),
    );
    expect(res.status).toBe(200);
    expect(res.data.nota).toMatchObject({ notaNumber: 'KRB-2026-000123', total: 30_000 });
    expect(res.data.nota.lines).toHaveLength(1);
    expect(res.data.pdf).toBe(`/kelola/${slug}/pesanan/${orderId}/nota.pdf`);
  });

  it('is a 404 before there is a nota', async () => {
    const { orderId } = await placeOrder();
    const cookie = await signInAs(KASIR);
    const res = await run(() =>
      staffNotaLoader(args(get(`/kelola/${slug}/pesanan/${orderId}/nota`, cookie), { slug, orderId })),
    );
    expect(res.status).toBe(404);
  });

  it('proxies the PDF with the staff token: application/pdf, an attachment, not cached', async () => {
    const { orderId } = await placeOrder();
    services.current.fulfilment.setStatus(orderId, 'PACKED', { notaNumber: 'KRB-2026-000123' });
    const cookie = await signInAs(PENGAWAS);
    const res = (await staffPdfLoader(
      args(get(`/kelola/${slug}/pesanan/${orderId}/nota.pdf`, cookie), { slug, orderId }),
    )) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="KRB-2026-000123.pdf"');
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await res.text()).toMatch(/^%PDF-1\.4/);
    const [call] = services.current.calls.filter((c) => c.url.pathname.endsWith('/nota.pdf'));
    expect(call?.headers.get('Authorization')).toMatch(/^Bearer at\.orders\.per_kb_pengawas\./);
  });
});
