import { describe, expect, it } from 'vitest';
import { shopWithProducts } from '../test/http';
import type { OutgoingMail } from './mailer';
import { notifyShopper } from './notify-shopper';
import type { NotifyDeps } from './ports';
import { MemorySentMailStore } from './sent-mail.repository';

/** A shop over memory stores with a recording mailer that can be told to fail. */
async function notifier() {
  const shop = await shopWithProducts();
  const sent: OutgoingMail[] = [];
  let failures = 0;
  const sentMails = new MemorySentMailStore();
  const deps: NotifyDeps = {
    orders: shop.deps.orders,
    cooperatives: shop.deps.cooperatives,
    sentMails,
    mailer: {
      async send(mail) {
        if (failures > 0) {
          failures--;
          throw new Error('421 try again later');
        }
        sent.push(mail);
      },
      close() {},
    },
    logger: shop.deps.logger,
    clock: shop.deps.clock,
    maxAgeMs: 24 * 3_600_000,
    messageIdDomain: 'orders.test',
    fallbackMarketName: 'Pasar',
  };
  return {
    shop,
    deps,
    sent,
    sentMails,
    failNext: (n: number) => {
      failures = n;
    },
  };
}

const withEmail = { contact: { name: 'Siti Aminah', phone: '0812-3456-7890', email: 'siti@contoh.id' } };

describe('notifyShopper', () => {
  it('mails the address given at checkout once, naming the market and the nota', async () => {
    const n = await notifier();
    const { order } = await n.shop.placedOrder(withEmail);
    const req = {
      orderId: order.id,
      kind: 'ready_for_pickup' as const,
      eventTime: n.deps.clock(),
      notaNumber: order.notaNumber ?? 'KAR-2026-000007',
    };

    expect(await notifyShopper(n.deps, req)).toBe('sent');
    expect(await notifyShopper(n.deps, req)).toBe('already-sent');

    expect(n.sent).toHaveLength(1);
    expect(n.sent[0]).toMatchObject({
      to: 'siti@contoh.id',
      messageId: `<${order.id}.ready_for_pickup@orders.test>`,
    });
    expect(order.notaNumber).toMatch(/^KAR-\d{4}-\d{6}$/);
    expect(n.sent[0]!.subject).toContain(`[Karbes Market] Pesanan ${order.notaNumber} siap diambil`);
  });

  it('sends nothing when the shopper gave no email', async () => {
    const n = await notifier();
    const { order } = await n.shop.placedOrder();
    const outcome = await notifyShopper(n.deps, {
      orderId: order.id,
      kind: 'cancelled',
      eventTime: n.deps.clock(),
    });
    expect(outcome).toBe('no-email');
    expect(n.sent).toHaveLength(0);
  });

  it('throws on an SMTP failure and records nothing, so the retry sends it', async () => {
    const n = await notifier();
    const { order } = await n.shop.placedOrder(withEmail);
    const req = { orderId: order.id, kind: 'cancelled' as const, eventTime: n.deps.clock() };
    n.failNext(1);
    await expect(notifyShopper(n.deps, req)).rejects.toThrow('421');
    expect(n.sentMails.sent.size).toBe(0);
    expect(await notifyShopper(n.deps, req)).toBe('sent');
    expect(n.sent).toHaveLength(1);
  });

  it('does not mail about an event older than the age limit (a replay from the topic start)', async () => {
    const n = await notifier();
    const { order } = await n.shop.placedOrder(withEmail);
    const old = new Date(n.deps.clock().getTime() - 25 * 3_600_000);
    expect(await notifyShopper(n.deps, { orderId: order.id, kind: 'cancelled', eventTime: old })).toBe(
      'too-old',
    );
    expect(n.sent).toHaveLength(0);
  });
});
