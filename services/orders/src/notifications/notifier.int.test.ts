import { randomBytes } from 'node:crypto';
import { type Envelope, newEvent, OrderReadyForPickup } from '@pasar/contracts';
import { testBus } from '@pasar/events/testing';
import { testInfra, uniqueName, waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCooperative, aProduct } from '../test/fixtures';
import { mongoDeps } from '../test/mongo-deps';
import { publish } from '../test/service';
import { addCartLine } from '../use-cases/add-cart-line';
import { createCart } from '../use-cases/create-cart';
import { placeOrder } from '../use-cases/place-order';
import { startNotifier } from './notifier';

interface MailSummary {
  ID: string;
  Subject: string;
  MessageID: string;
  To: { Address: string }[];
}

const mailpit = () => testInfra().mailpitApi;

/** Mailpit's search (`to:` and free text), newest first. */
async function mailsMatching(query: string): Promise<MailSummary[]> {
  const res = await fetch(`${mailpit()}/api/v1/search?query=${encodeURIComponent(query)}`);
  if (!res.ok) throw new Error(`Mailpit search: HTTP ${res.status}`);
  return ((await res.json()) as { messages: MailSummary[] }).messages;
}

async function mailText(id: string): Promise<string> {
  const res = await fetch(`${mailpit()}/api/v1/message/${id}`);
  return ((await res.json()) as { Text: string }).Text;
}

const t = await mongoDeps();
const bus = testBus('orders-notify-test');
const group = uniqueName('notify');
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  await t.stores.cooperatives.upsert(aCooperative(), new Date());
  const rt = {
    bus,
    conn: t.db.conn,
    logger: t.deps.logger,
    onShutdown: (step: () => Promise<void> | void) => void stops.push(async () => step()),
  };
  const notifier = await startNotifier(
    rt,
    {
      KAFKA_TOPIC_PREFIX: `${group}.`,
      SMTP_URL: testInfra().smtpUrl,
      MAIL_FROM: 'Pasar Test <pesanan@pasar.test>',
      NOTIFY_MAX_AGE_HOURS: 24,
    },
    t.stores,
  );
  await notifier?.ready;
}, 60_000);

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await bus.disconnect();
  await t.drop();
});

/** A CONFIRMED-looking order is not needed: the notifier reads only the stored order. */
async function anOrder(email?: string) {
  const product = aProduct({ price: 15_000 });
  await t.stores.products.upsert(product);
  const cart = await createCart(t.deps, 'karangbesuki');
  await addCartLine(t.deps, cart.id, product.productId, 2);
  const placed = await placeOrder(t.deps, {
    idempotencyKey: `key-${randomBytes(8).toString('hex')}`,
    cartId: cart.id,
    fulfilment: { method: 'pickup' },
    contact: { name: 'Siti Aminah', phone: '+6281234567890', ...(email ? { email } : {}) },
    paymentMethod: 'cash',
  });
  return placed.order;
}

const readyEvent = (orderId: string, notaNumber: string): Envelope =>
  newEvent(
    OrderReadyForPickup,
    orderId,
    { orderId, notaNumber },
    { source: 'urn:pasar:orders', cooperativeId: 'karangbesuki' },
  );

/** The notifier's group has applied the event (its processed id is written after the handler returned). */
const applied = (evt: Envelope) =>
  waitFor(
    () =>
      t.db.conn.collection('processed_events').findOne({ _id: `${group}.orders-notify:${evt.id}` } as never),
    {
      what: `event ${evt.id} applied by the notifier`,
    },
  );

describe('shopper notifier (real Kafka, real Mailpit)', () => {
  it('mails ready-for-pickup with the order, nota number and pickup code, and only once', async () => {
    const email = `${uniqueName('siti')}@contoh.id`.toLowerCase();
    const order = await anOrder(email);
    // The order's own nota number (given at placement) is the one the mail names.
    const nota = order.notaNumber ?? 'missing';
    expect(nota).toMatch(/^KAR-\d{4}-\d{6}$/);
    const evt = readyEvent(order.id, nota);

    await publish(bus, evt);
    const [mail] = await waitFor(
      async () => {
        const found = await mailsMatching(`to:"${email}"`);
        return found.length > 0 ? found : undefined;
      },
      { what: 'the mail in Mailpit', timeoutMs: 30_000 },
    );

    expect(mail!.Subject).toBe(`[Karbes Market] Pesanan ${nota} siap diambil · Order ready for pickup`);
    expect(mail!.To.map((to) => to.Address)).toEqual([email]);
    expect(mail!.MessageID).toBe(`${order.id}.ready_for_pickup@orders.pasar`);
    const text = await mailText(mail!.ID);
    expect(text).toContain(`Nomor nota: ${nota}`);
    expect(text).toContain('— English —');

    // The same record again, and a second event of the same kind (as after a lost processed id).
    const again = readyEvent(order.id, nota);
    await publish(bus, evt, again);
    await applied(again);
    expect(await mailsMatching(`to:"${email}"`)).toHaveLength(1);
  });

  it('sends nothing for an order placed without an email', async () => {
    const order = await anOrder();
    const nota = order.notaNumber ?? 'missing';
    const evt = readyEvent(order.id, nota);
    await publish(bus, evt);
    await applied(evt);
    expect(await mailsMatching(nota)).toHaveLength(0);
    expect(await t.db.conn.collection('sent_mails').countDocuments({ orderId: order.id })).toBe(0);
  });
});
