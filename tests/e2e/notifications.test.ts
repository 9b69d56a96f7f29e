import { testInfra, uniqueName, waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToCart,
  api,
  createProduct,
  newCart,
  placeOrder,
  registerCooperative,
  shopper,
  staffAuth,
  startTestMarket,
  type TestMarket,
  waitForOrderStatus,
} from '../lib/market';

// Shopper notifications across the real services: orders' notifier (its own consumer group) mails
// through the stack's Mailpit; the test reads Mailpit's REST API.
let m: TestMarket;
const coop = `e2e${Date.now().toString(36)}`;

interface MailSummary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
}

async function mailsTo(address: string): Promise<MailSummary[]> {
  const res = await fetch(
    `${testInfra().mailpitApi}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}`,
  );
  return ((await res.json()) as { messages: MailSummary[] }).messages;
}

beforeAll(async () => {
  m = await startTestMarket({ orders: { SMTP_URL: testInfra().smtpUrl } });
  await registerCooperative(m, coop);
});

afterAll(async () => {
  await m?.stop();
});

describe('shopper notifications', () => {
  it('mails the shopper who gave an email when they cancel their order; staff get a WhatsApp link and the stats', async () => {
    const email = `${uniqueName('budi')}@contoh.id`.toLowerCase();
    const product = await createProduct(m, coop, { name: 'Gula Pasir 1 kg', price: 17_500, stock: 5 });
    const cartId = await newCart(m, coop);
    await addToCart(m, cartId, product.id, 2);
    const placed = await placeOrder(m, cartId, uniqueName('idem'), { contact: { ...shopper, email } });
    expect(placed.status).toBe(201);
    expect(JSON.stringify(placed.body.order)).not.toContain(email); // stored, never shown
    const { id } = placed.body.order;
    const token = placed.body.accessToken;
    await waitForOrderStatus(m, id, token, ['CONFIRMED']);

    const cancelled = await api(`${m.urls.orders}/orders/${id}/cancel`, {
      headers: { 'x-order-token': token },
      body: { reason: 'Salah pesan' },
    });
    expect(cancelled.status).toBe(200);

    const [mail] = await waitFor(
      async () => {
        const found = await mailsTo(email);
        return found.length > 0 ? found : undefined;
      },
      { what: 'the cancellation mail in Mailpit', timeoutMs: 30_000 },
    );
    expect(placed.body.order.notaNumber).toMatch(/^[A-Z]{3}-\d{4}-\d{6}$/);
    expect(mail!.Subject).toBe(
      `[${coop} Market] Pesanan ${placed.body.order.notaNumber} dibatalkan · Order cancelled`,
    );
    const full = await fetch(`${testInfra().mailpitApi}/api/v1/message/${mail!.ID}`);
    const text = ((await full.json()) as { Text: string }).Text;
    expect(text).toContain('Halo Budi Santoso');
    expect(text).toContain('telah dibatalkan');
    expect(text).toContain('has been cancelled');

    const staff = await staffAuth(m, coop, 'orders');
    const view = await api(`${m.urls.orders}/cooperatives/${coop}/orders/${id}`, {
      method: 'GET',
      headers: staff,
    });
    expect(view.body.whatsappUrl).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);

    const stats = await api(`${m.urls.orders}/cooperatives/${coop}/stats?days=7`, {
      method: 'GET',
      headers: staff,
    });
    expect(stats.status).toBe(200);
    expect(stats.body.today).toMatchObject({ orders: 1, revenue: 0 }); // cancelled: no revenue
    expect(stats.body.days).toHaveLength(7);

    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('mails "ready for pickup" with the nota number and the pickup code when staff mark the order ready', async () => {
    const email = `${uniqueName('siti')}@contoh.id`.toLowerCase();
    const product = await createProduct(m, coop, { name: 'Beras 5 kg', price: 68_000, stock: 5 });
    const cartId = await newCart(m, coop);
    await addToCart(m, cartId, product.id, 1);
    const placed = await placeOrder(m, cartId, uniqueName('idem'), { contact: { ...shopper, email } });
    expect(placed.status).toBe(201);
    const { id, notaNumber } = placed.body.order;
    const token = placed.body.accessToken;
    const confirmed = await waitForOrderStatus(m, id, token, ['CONFIRMED']);
    const staff = await staffAuth(m, coop, 'orders');
    for (const step of ['pack', 'ready']) {
      const res = await api(`${m.urls.orders}/cooperatives/${coop}/orders/${id}/${step}`, {
        headers: staff,
        body: {},
      });
      expect(res.status, `${step}: ${JSON.stringify(res.body)}`).toBe(200);
    }
    const [mail] = await waitFor(
      async () => {
        const found = await mailsTo(email);
        return found.length > 0 ? found : undefined;
      },
      { what: 'the ready-for-pickup mail in Mailpit', timeoutMs: 30_000 },
    );
    expect(mail!.Subject).toContain(`Pesanan ${notaNumber} siap diambil`);
    const full = await fetch(`${testInfra().mailpitApi}/api/v1/message/${mail!.ID}`);
    const text = ((await full.json()) as { Text: string }).Text;
    expect(text).toContain(notaNumber);
    expect(text).toContain(confirmed.pickupCode);
    expect(await mailsTo(email)).toHaveLength(1);
  });
});
