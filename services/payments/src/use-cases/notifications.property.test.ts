import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeApp, paymentRequest, TEST_MIDTRANS_KEY } from '../testing/fakes';
import { endPayment } from './end-payment';
import { openPayment } from './open-payment';
import { midtransSignature, receiveMidtransNotification } from './receive-midtrans-notification';

/**
 * Property tests of the notification path (pure logic over in-memory stores and a Midtrans stand-in
 * whose status API the model drives; the integration suites prove the same path on the real sandbox).
 *
 * Midtrans moves a transaction along one path; each step sends a notification, delivered 1–3 times,
 * late and out of order, each at some time after its step. Whatever the schedule, the payment must
 * end exactly where delivering each notification once, in order, ends it — same status, same money —
 * with at most one capture, and a refund only of money captured.
 */
const PATHS = [
  ['pending', 'settlement'],
  ['settlement'],
  ['pending', 'expire'],
  ['expire'],
  ['pending', 'deny'],
  ['pending', 'cancel'],
  ['pending', 'failure'],
  ['pending', 'capture'],
] as const;
const CODES: Record<string, string> = {
  pending: '201',
  settlement: '200',
  capture: '200',
  cancel: '200',
  deny: '202',
  failure: '202',
  expire: '407',
};

type Step = (typeof PATHS)[number][number];

async function market() {
  const ctx = fakeApp();
  const { cause, data } = paymentRequest();
  const payment = await openPayment(ctx.deps, data, cause);
  const ref = payment?.providerRecord.ref ?? '';
  const deps = { ...ctx.deps, midtransServerKey: TEST_MIDTRANS_KEY };
  const notify = (status: Step, copy: number) => {
    const body = {
      order_id: ref,
      status_code: CODES[status] ?? '200',
      gross_amount: '35000.00',
      transaction_status: status,
      transaction_id: `tx_${ref}`,
      fraud_status: 'accept',
    };
    void copy;
    return receiveMidtransNotification(deps, {
      ...body,
      signature_key: midtransSignature(body, TEST_MIDTRANS_KEY),
    });
  };
  const providerMoves = (status: Step) => ctx.midtrans.set(ref, { status, amount: 35_000 });
  const outcome = () => {
    const row = ctx.payments.rows[0];
    const types = ctx.payments.types();
    return {
      status: row?.status,
      captured: row?.captured,
      refunded: row?.refunded,
      succeeded: types.filter((t) => t.endsWith('payment.succeeded')).length,
      failed: types.filter((t) => t.endsWith('payment.failed')).length,
      expired: types.filter((t) => t.endsWith('payment.expired')).length,
      refunds: ctx.midtrans.refunds.size,
    };
  };
  return { ...ctx, ref, deps, notify, providerMoves, outcome, orderId: data.orderId };
}

/** A delivery schedule: every step at a time, each of its 1–3 copies at a later time. */
const schedule = fc.constantFrom(...PATHS).chain((path) =>
  fc.record({
    path: fc.constant(path),
    stepTimes: fc.array(fc.double({ min: 0, max: 0.99, noNaN: true }), {
      minLength: path.length,
      maxLength: path.length,
    }),
    copies: fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }), {
      minLength: path.length,
      maxLength: path.length,
    }),
  }),
);

describe('Midtrans notifications, any order, any number of times', () => {
  it('end in the same state and money as each delivered once in order', async () => {
    await fc.assert(
      fc.asyncProperty(schedule, async ({ path, stepTimes, copies }) => {
        // Baseline: step, then its notification, once each, in order.
        const base = await market();
        for (const step of path as readonly Step[]) {
          base.providerMoves(step);
          await base.notify(step, 0);
        }
        // The schedule: steps at increasing times, each copy some time after its step.
        const steps = [...stepTimes].sort((a, b) => a - b);
        const timeline: { t: number; kind: 'step' | 'deliver'; i: number; copy: number }[] = [];
        path.forEach((_, i) => {
          const at = steps[i] ?? 0;
          timeline.push({ t: at, kind: 'step', i, copy: 0 });
          for (const [copy, r] of (copies[i] ?? [0]).entries())
            timeline.push({ t: at + (1 - at) * r + 1e-9, kind: 'deliver', i, copy });
        });
        // Ties: a step before deliveries, steps in path order (the provider never goes back).
        const rank = (e: (typeof timeline)[number]) => (e.kind === 'step' ? 0 : 1);
        timeline.sort((a, b) => a.t - b.t || rank(a) - rank(b) || a.i - b.i || a.copy - b.copy);
        const run = await market();
        for (const e of timeline) {
          const step = path[e.i] as Step;
          if (e.kind === 'step') run.providerMoves(step);
          else await run.notify(step, e.copy);
        }
        const got = run.outcome();
        expect(got).toEqual(base.outcome());
        expect(got.succeeded).toBeLessThanOrEqual(1);
        expect(got.refunds).toBe(0);
      }),
      { numRuns: 300, seed: 20261202 },
    );
    // 300 schedules take ~2 s alone; allow for a machine busy with other suites.
  }, 60_000);

  it('never capture twice, never refund without a capture, and give back all money of a cancelled order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          paidAt: fc.integer({ min: 0, max: 4 }),
          cancelAt: fc.integer({ min: 0, max: 4 }),
          copies: fc.integer({ min: 1, max: 3 }),
          redeliveredCancel: fc.boolean(),
        }),
        async ({ paidAt, cancelAt, copies, redeliveredCancel }) => {
          const m = await market();
          let expiredByUs = false;
          for (let tick = 0; tick <= 4; tick++) {
            if (tick === paidAt && !expiredByUs) m.providerMoves('settlement');
            if (tick === cancelAt) {
              await endPayment(m.deps, m.orderId, { kind: 'cancelled', by: 'shopper' });
              if (redeliveredCancel)
                await endPayment(m.deps, m.orderId, { kind: 'cancelled', by: 'shopper' });
              expiredByUs = m.midtrans.expired.length > 0;
            }
            if (tick >= paidAt && !expiredByUs)
              for (let c = 0; c < copies; c++) await m.notify('settlement', c);
          }
          const o = m.outcome();
          expect(o.succeeded).toBeLessThanOrEqual(1);
          expect(o.refunds).toBeLessThanOrEqual(1);
          if (o.refunds > 0) expect(o.captured).toBe(35_000);
          // The order was cancelled: whatever was captured went back, exactly.
          expect(o.captured).toBe(o.refunded);
          expect(['VOIDED', 'REFUNDED']).toContain(o.status);
        },
      ),
      { numRuns: 200, seed: 20261202 },
    );
  }, 60_000);
});
