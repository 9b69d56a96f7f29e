import { describe, expect, it, vi } from 'vitest';
import { loader as shellLoader } from '~/routes/kelola.$slug/route';
import { action as paymentsRoute, loader as paymentsLoader } from '~/routes/kelola.$slug.pembayaran/route';
import { loader as staffOrderLoader } from '~/routes/kelola.$slug.pesanan_.$orderId/route';
import { submitCheckout } from '~/routes/k.$slug.checkout/checkout.server';
import { jakartaToday } from '~/utils/datetime';
import { translate } from '~/utils/i18n';
import type { StaffPaymentView } from '~/utils/views';
import {
  DINOYO_KETUA,
  type FakePerson,
  GUDANG,
  KASIR,
  KERIPIK,
  KETUA,
  PENGAWAS,
  paymentView,
} from './fixtures';
import { args, cookiesOf, get, post, run } from './route-helpers';
import { cartWith, installFakeServices, signInAs } from './setup-services';

const services = installFakeServices();
const slug = 'karangbesuki';
const page = `/kelola/${slug}/pembayaran`;

interface Task {
  paymentId: string;
  orderId: string;
  amount: number;
  reason: string | null;
  vaNumber: string | null;
  since: string;
}
interface PaymentsPage {
  tasks: Task[];
  canMarkDone: boolean;
  canReconcile: boolean;
  reconciliation: {
    values: { from: string; to: string };
    errors: Record<string, unknown>;
    report: { checked: number; mismatches: { kind: string }[]; unreachable: unknown[] } | null;
    asked: { from: string; to: string | null } | null;
  } | null;
  notice: unknown;
}

/** Signs in someone not in the default fake membership (the gudang). */
async function signInExtra(person: FakePerson) {
  services.current.people.set(person.personId, structuredClone(person));
  return signInAs(person);
}

const load = (cookie: string, query = '') =>
  run<PaymentsPage>(() => paymentsLoader(args(get(`${page}${query}`, cookie), { slug })));
const markDone = (cookie: string, fields: Record<string, string>) =>
  run<{ errors: Record<string, unknown>; paymentId: string; values: { note: string } }>(() =>
    paymentsRoute(args(post(page, { intent: 'refund-done', ...fields }, cookie), { slug })),
  );

/** Puts a payment into the fake payments service. */
function recordPayment(overrides: Partial<StaffPaymentView> = {}, cooperativeId = slug) {
  const view = paymentView(overrides);
  services.current.paymentRecords.set(view.paymentId, { cooperativeId, view });
  return view;
}

const paymentsCalls = (pathEnd: string, method = 'GET') =>
  services.current.calls.filter(
    (c) => c.url.port === '4003' && c.method === method && c.url.pathname.endsWith(pathEnd),
  );

/** A Jakarta date `days` away from today (negative: in the past). */
function dayFromToday(days: number): string {
  const today = jakartaToday();
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('Pembayaran in the staff menu', () => {
  const sections = async (cookie: string) =>
    (await run<{ sections: string[] }>(() => shellLoader(args(get(`/kelola/${slug}`, cookie), { slug }))))
      .data.sections;

  it('is there for pengurus, kasir and pengawas, not for the gudang', async () => {
    expect(await sections(await signInAs(KASIR))).toEqual(['pesanan', 'pembayaran', 'simpanan']);
    expect(await sections(await signInAs(PENGAWAS))).toEqual([
      'pesanan',
      'produk',
      'moderasi',
      'pembayaran',
      'konsinyasi',
      'buku',
      'jurnal',
      'periode',
      'penjual',
      'audit',
      'simpanan',
      'shu',
    ]);
    expect(await sections(await signInAs(KETUA))).toEqual([
      'pesanan',
      'produk',
      'moderasi',
      'pembayaran',
      'konsinyasi',
      'buku',
      'jurnal',
      'periode',
      'penjual',
      'anggota',
      'audit',
      'simpanan',
      'shu',
    ]);
    expect(await sections(await signInExtra(GUDANG))).toEqual(['pesanan', 'produk']);
  });

  it('names the section in both languages', () => {
    expect(translate('id', 'staff.section.pembayaran')).toBe('Pembayaran');
    expect(translate('en', 'staff.section.pembayaran')).toBe('Payments');
  });
});

describe('manual refund tasks', () => {
  it("lists the cooperative's open tasks for the kasir, with the payments token, without reconciliation", async () => {
    const task = recordPayment();
    recordPayment({ status: 'REFUNDED' }); // done already: not a task
    recordPayment({}, 'dinoyo'); // another cooperative's
    const cookie = await signInAs(KASIR);
    const res = await load(cookie, `?from=${jakartaToday()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    expect(res.data).toMatchObject({ canMarkDone: true, canReconcile: false, reconciliation: null });
    expect(res.data.tasks).toEqual([
      {
        paymentId: task.paymentId,
        orderId: task.orderId,
        paymentMethod: 'bank_transfer',
        amount: 33_000,
        reason: 'order_cancelled',
        vaNumber: '8808123456789012',
        since: '2026-05-12T03:15:00.000Z',
      },
    ]);
    const [call] = paymentsCalls('/refunds/manual');
    expect(call?.url.pathname).toBe(`/cooperatives/${slug}/refunds/manual`);
    expect(call?.headers.get('Authorization')).toMatch(/^Bearer at\.payments\.per_kb_kasir\./);
    // The kasir never makes the service run a reconciliation, whatever the URL says.
    expect(paymentsCalls('/reconciliation')).toEqual([]);
  });

  it('says the reason in words in both languages', () => {
    expect(translate('id', 'payment.refundReason.order_cancelled')).toBe(
      'pesanan dibatalkan setelah dibayar',
    );
    expect(translate('en', 'payment.refundReason.paid_after_expiry')).toBe('paid after the order expired');
  });

  it('says there is nothing to do when there are no tasks', async () => {
    const res = await load(await signInAs(KETUA));
    expect(res.data.tasks).toEqual([]);
    expect(res.data).toMatchObject({ canMarkDone: true, canReconcile: true });
  });

  it('marks a task done with a note (post/redirect/get with a notice); the task leaves the list', async () => {
    const task = recordPayment();
    const cookie = await signInAs(KASIR);
    const res = await markDone(cookie, {
      paymentId: task.paymentId,
      orderId: task.orderId,
      note: '  BCA ref 1234567890 ',
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(page);
    const [call] = paymentsCalls(`/refunds/${task.paymentId}/done`, 'POST');
    expect(call?.body).toEqual({ note: 'BCA ref 1234567890' });
    expect(call?.headers.get('Authorization')).toMatch(/^Bearer at\.payments\.per_kb_kasir\./);
    expect(services.current.paymentRecords.get(task.paymentId)?.view).toMatchObject({
      status: 'REFUNDED',
      refund: { note: 'BCA ref 1234567890', doneAt: expect.any(String) },
    });
    const after = await load(cookiesOf(res.headers, cookie));
    expect(after.data.notice).toEqual({ key: 'staff.refunds.done', vars: { order: task.orderId } });
    expect(after.data.tasks).toEqual([]);
  });

  it('requires the note: an empty or too short note is a field error and nothing is sent', async () => {
    const task = recordPayment();
    const cookie = await signInAs(KETUA);
    const empty = await markDone(cookie, { paymentId: task.paymentId, orderId: task.orderId, note: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ errors: { note: 'errors.required' }, paymentId: task.paymentId });
    const short = await markDone(cookie, { paymentId: task.paymentId, orderId: task.orderId, note: 'ok' });
    expect(short.status).toBe(400);
    expect(short.data.errors).toEqual({ note: 'errors.refundNoteShort' });
    expect(short.data.values).toEqual({ note: 'ok' });
    expect(paymentsCalls('/done', 'POST')).toEqual([]);
    expect(services.current.paymentRecords.get(task.paymentId)?.view.status).toBe('MANUAL_REFUND');
  });

  it('refuses a malformed payment id without asking the service', async () => {
    const res = await markDone(await signInAs(KASIR), { paymentId: '../../x', note: 'BCA ref 123' });
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ paymentId: 'errors.invalidForm' });
    expect(paymentsCalls('/done', 'POST')).toEqual([]);
  });

  it('says clearly when the refund was already marked done (409), changing nothing', async () => {
    const task = recordPayment();
    const kasir = await signInAs(KASIR);
    const ketua = await signInAs(KETUA);
    const fields = { paymentId: task.paymentId, orderId: task.orderId, note: 'BCA ref 1234567890' };
    expect((await markDone(kasir, fields)).status).toBe(302);
    const again = await markDone(ketua, { ...fields, note: 'Mandiri ref 999' });
    expect(again.status).toBe(409);
    expect(again.data.errors).toEqual({
      form: { key: 'staff.refunds.alreadyDone', vars: { order: task.orderId } },
    });
    expect(services.current.paymentRecords.get(task.paymentId)?.view.refund?.note).toBe('BCA ref 1234567890');
    expect(translate('id', 'staff.refunds.alreadyDone', { order: task.orderId })).toContain(
      'sudah ditandai selesai',
    );
  });

  it('says so when the task is not there (404 from payments) instead of an error page', async () => {
    const res = await markDone(await signInAs(KASIR), {
      paymentId: 'pay_nothere000000',
      orderId: 'ord_nothere0000',
      note: 'BCA ref 123',
    });
    expect(res.status).toBe(404);
    expect(res.data.errors).toEqual({
      form: { key: 'staff.refunds.notFound', vars: { order: 'ord_nothere0000' } },
    });
  });

  it('lets the pengawas read the tasks but not mark them: 403 and no call to payments', async () => {
    const task = recordPayment();
    const cookie = await signInAs(PENGAWAS);
    const res = await load(cookie);
    expect(res.data).toMatchObject({ canMarkDone: false, canReconcile: true });
    expect(res.data.tasks.map((t) => t.paymentId)).toEqual([task.paymentId]);
    const refused = await markDone(cookie, { paymentId: task.paymentId, note: 'BCA ref 1234567890' });
    expect(refused.status).toBe(403);
    expect(refused.data.errors).toEqual({ form: 'errors.notAllowed' });
    expect(paymentsCalls('/done', 'POST')).toEqual([]);
    expect(services.current.paymentRecords.get(task.paymentId)?.view.status).toBe('MANUAL_REFUND');
  });

  it('is a 404 for the gudang and for staff of another cooperative, like other kelola pages', async () => {
    const task = recordPayment();
    for (const cookie of [await signInExtra(GUDANG), await signInAs(DINOYO_KETUA)]) {
      expect((await load(cookie)).status).toBe(404);
      expect((await markDone(cookie, { paymentId: task.paymentId, note: 'BCA ref 123' })).status).toBe(404);
    }
    expect(services.current.calls.filter((c) => c.url.port === '4003')).toEqual([]);
    const anonymous = await load('');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toBe('/masuk?redirectTo=%2Fkelola%2Fkarangbesuki%2Fpembayaran');
  });

  it('shows the 503 page when payments is down', async () => {
    services.current.down.add('payments');
    expect((await load(await signInAs(KASIR))).status).toBe(503);
  });
});

describe('reconciliation', () => {
  it('does not run by itself: the form starts at today (WIB)', async () => {
    const res = await load(await signInAs(KETUA));
    expect(res.data.reconciliation).toEqual({
      values: { from: jakartaToday(), to: '' },
      errors: {},
      report: null,
      asked: null,
    });
    expect(paymentsCalls('/reconciliation')).toEqual([]);
  });

  it('says "Tidak ada selisih" on a clean day, with how many payments were checked', async () => {
    services.current.reconciliations.set(slug, { checked: 4, unreachable: [], mismatches: [] });
    const day = dayFromToday(-1);
    const res = await load(await signInAs(PENGAWAS), `?from=${day}&to=`);
    expect(res.status).toBe(200);
    expect(res.data.reconciliation).toMatchObject({
      values: { from: day, to: '' },
      errors: {},
      report: { checked: 4, mismatches: [], unreachable: [] },
      asked: { from: day, to: null },
    });
    const [call] = paymentsCalls('/reconciliation');
    expect(call?.url.pathname).toBe(`/cooperatives/${slug}/reconciliation`);
    expect(Object.fromEntries(call?.url.searchParams ?? [])).toEqual({ from: day });
    expect(call?.headers.get('Authorization')).toMatch(/^Bearer at\.payments\.per_kb_pengawas\./);
    expect(translate('id', 'staff.recon.clean')).toBe('Tidak ada selisih.');
    expect(translate('en', 'staff.recon.clean')).toBe('No mismatches.');
    expect(translate('id', 'staff.recon.checked', { count: 4 })).toBe('4 pembayaran online diperiksa.');
  });

  it('lists the mismatches and the payments it could not check, for a range', async () => {
    const mismatches = [
      {
        kind: 'paid_but_order_not_paid' as const,
        paymentId: 'pay_aaaaaaaaaa01',
        orderId: 'ord_aaaaaaaaaa01',
        detail: 'the provider captured the money (settlement); the order is expired',
      },
      {
        kind: 'amount_differs' as const,
        paymentId: 'pay_aaaaaaaaaa02',
        orderId: 'ord_aaaaaaaaaa02',
        detail: 'the provider has Rp 30000, the order costs Rp 33000',
      },
    ];
    const unreachable = [{ paymentId: 'pay_aaaaaaaaaa03', orderId: 'ord_aaaaaaaaaa03', error: 'timeout' }];
    services.current.reconciliations.set(slug, { checked: 7, unreachable, mismatches });
    const from = dayFromToday(-6);
    const to = dayFromToday(0);
    const res = await load(await signInAs(KETUA), `?from=${from}&to=${to}`);
    expect(res.data.reconciliation).toMatchObject({
      report: { checked: 7, mismatches, unreachable },
      asked: { from, to },
    });
    expect(Object.fromEntries(paymentsCalls('/reconciliation')[0]?.url.searchParams ?? [])).toEqual({
      from,
      to,
    });
    expect(translate('id', 'mismatch.paid_but_order_not_paid')).toBe(
      'Sudah dibayar di penyedia, pesanan belum lunas',
    );
  });

  it('explains every kind of mismatch the service knows, in both languages', async () => {
    const doc = (await import('~/api/payments.openapi.json')).default as {
      components: { schemas: { Reconciliation: { properties: Record<string, unknown> } } };
    };
    const mismatches = doc.components.schemas.Reconciliation.properties.mismatches as {
      items: { properties: { kind: { enum: string[] } } };
    };
    const kinds = mismatches.items.properties.kind.enum;
    expect(kinds.length).toBe(6);
    for (const kind of kinds) {
      const key = `mismatch.${kind}` as 'mismatch.amount_differs';
      expect(translate('id', key), kind).not.toBe(key);
      expect(translate('en', key), kind).not.toBe(translate('id', key));
    }
  });

  it.each([
    ['a date that does not exist', '?from=2026-02-30', { from: 'errors.date' }],
    ['no date at all', '?from=', { from: 'errors.date' }],
    ['not a date', '?from=kemarin', { from: 'errors.date' }],
    [
      'an end before the start',
      `?from=${dayFromToday(-3)}&to=${dayFromToday(-5)}`,
      { to: 'errors.dateOrder' },
    ],
    ['more than 31 days', `?from=${dayFromToday(-40)}&to=${dayFromToday(-1)}`, { to: 'errors.dateRange' }],
    ['a day after today', `?from=${dayFromToday(1)}`, { from: 'errors.dateFuture' }],
  ])(
    'refuses %s (400, the error next to the field) without asking payments',
    async (_what, query, errors) => {
      const res = await load(await signInAs(KETUA), query);
      expect(res.status).toBe(400);
      expect(res.data.reconciliation?.errors).toEqual(errors);
      expect(res.data.reconciliation?.report).toBeNull();
      expect(paymentsCalls('/reconciliation')).toEqual([]);
    },
  );

  it('takes exactly 31 days', async () => {
    const res = await load(await signInAs(KETUA), `?from=${dayFromToday(-30)}&to=${dayFromToday(0)}`);
    expect(res.status).toBe(200);
    expect(res.data.reconciliation?.report).toMatchObject({ checked: 0 });
  });
});

describe('the payment on the staff order page', () => {
  /** A guest's order at the cooperative; returns its id. */
  async function placeOrder() {
    const withCart = await cartWith(KERIPIK.id, 2);
    const res = await run(() =>
      submitCheckout(
        args(
          post(
            `/k/${slug}/checkout`,
            {
              idempotencyKey: `key-${Math.random()}`,
              name: 'Pembeli',
              phone: '081234567890',
              fulfilment: 'pickup',
              paymentMethod: 'bank_transfer',
            },
            withCart,
          ),
          { slug },
        ),
      ),
    );
    expect(res.status).toBe(302);
    return (res.headers.get('Location') ?? '').split('/').pop() ?? '';
  }

  interface OrderPage {
    order: { id: string; status: string; total: number; contact: { name: string } };
    payment: { state: string; payment?: StaffPaymentView };
  }
  const open = (cookie: string, orderId: string) =>
    run<OrderPage>(() =>
      staffOrderLoader(args(get(`/kelola/${slug}/pesanan/${orderId}`, cookie), { slug, orderId })),
    );

  it('shows the kasir the order and its payment (status, amounts, VA, refund state)', async () => {
    const orderId = await placeOrder();
    const payment = recordPayment({ orderId });
    const res = await open(await signInAs(KASIR), orderId);
    expect(res.status).toBe(200);
    expect(res.data.order).toMatchObject({
      id: orderId,
      total: KERIPIK.price * 2,
      contact: { name: 'Pembeli' },
    });
    expect(res.data.payment).toEqual({ state: 'shown', payment });
    const [call] = paymentsCalls(`/payments/by-order/${orderId}`);
    expect(call?.headers.get('Authorization')).toMatch(/^Bearer at\.payments\.per_kb_kasir\./);
    expect(translate('id', 'payment.status.MANUAL_REFUND')).toBe(
      'Dana harus dikembalikan manual oleh petugas',
    );
  });

  it('shows the latest attempt to the pengawas', async () => {
    const orderId = await placeOrder();
    recordPayment({ orderId, attempt: 1, status: 'FAILED', refund: null, failureReason: 'deny' });
    const latest = recordPayment({ orderId, attempt: 2, status: 'PAID', refund: null });
    const res = await open(await signInAs(PENGAWAS), orderId);
    expect(res.data.payment).toEqual({ state: 'shown', payment: latest });
  });

  it('leaves the payment out for the gudang, without asking payments', async () => {
    const orderId = await placeOrder();
    recordPayment({ orderId });
    const res = await open(await signInExtra(GUDANG), orderId);
    expect(res.status).toBe(200);
    expect(res.data.payment).toEqual({ state: 'hidden' });
    expect(services.current.calls.filter((c) => c.url.port === '4003')).toEqual([]);
  });

  it('is not an error page when payments answers 404 or 403, or is down', async () => {
    const orderId = await placeOrder();
    const ketua = await signInAs(KETUA);
    const none = await open(ketua, orderId);
    expect(none.status).toBe(200);
    expect(none.data.payment).toEqual({ state: 'none' });

    const fake = services.current.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      String(input).includes(':4003/payments/by-order/')
        ? Promise.resolve(
            new Response(JSON.stringify({ code: 'AUTH.FORBIDDEN', message: 'no' }), {
              status: 403,
              headers: { 'Content-Type': 'application/json' },
            }),
          )
        : fake(input, init),
    );
    const forbidden = await open(ketua, orderId);
    expect(forbidden.status).toBe(200);
    expect(forbidden.data.payment).toEqual({ state: 'none' });
    vi.stubGlobal('fetch', fake);

    services.current.down.add('payments');
    const down = await open(ketua, orderId);
    expect(down.status).toBe(200);
    expect(down.data.payment).toEqual({ state: 'unavailable' });
  });

  it("is a 404 for another cooperative's order, a malformed id, or staff of another cooperative", async () => {
    const orderId = await placeOrder();
    const kasir = await signInAs(KASIR);
    expect((await open(kasir, 'ord_nothere00000')).status).toBe(404);
    expect((await open(kasir, 'not-an-order')).status).toBe(404);
    expect((await open(await signInAs(DINOYO_KETUA), orderId)).status).toBe(404);
  });
});
