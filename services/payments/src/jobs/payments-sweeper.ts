import { itemsOf, openSession } from '../use-cases/open-payment';
import { applyProviderTruth } from '../use-cases/apply-provider-truth';
import { finishNotification } from '../use-cases/finish-notification';
import { now, type PaymentsDeps } from '../use-cases/ports';
import { makeOwedRefund } from '../use-cases/refund-payment';

export interface PaymentsSweeper {
  /** One pass now (tests); resolves with how many payments it looked at. */
  sweep(): Promise<number>;
  stop(): Promise<void>;
}

const BATCH = 50;

/**
 * The safety net behind the event-driven path, every `intervalMs`:
 * - an attempt left OPENING (the provider was down, or we crashed mid-way) opens its session again;
 * - a refund left REFUND_PENDING is asked for again, with the same idempotency key;
 * - a provider notification received but never finished (we crashed mid-way, or the status API
 *   failed until the provider gave up resending) asks the status API now and acts on it;
 * - an attempt still AWAITING_PAYMENT past its deadline asks Midtrans' status API, so a lost
 *   notification cannot leave a paid order unpaid (Stripe sends its expiry event itself).
 * `graceMs` keeps it off attempts the normal path is working on right now.
 */
export function startPaymentsSweeper(
  deps: PaymentsDeps,
  intervalMs: number,
  graceMs = 10_000,
): PaymentsSweeper {
  let running: Promise<number> | undefined;
  const once = async () => {
    const before = new Date(now(deps).getTime() - graceMs);
    let seen = 0;
    for (const p of await deps.payments.listStale(['OPENING'], before, BATCH)) {
      seen++;
      await openSession(
        deps,
        p,
        itemsOf({
          orderId: p.orderId,
          amount: p.amount,
          paymentMethod: p.paymentMethod,
          expiresAt: p.expiresAt.toISOString(),
        }),
      ).catch((err) =>
        deps.logger.warn({ err, paymentId: p.paymentId }, 'sweeper: session still cannot open'),
      );
    }
    for (const p of await deps.payments.listStale(['REFUND_PENDING'], before, BATCH)) {
      seen++;
      await makeOwedRefund(deps, p).catch((err) =>
        deps.logger.warn({ err, paymentId: p.paymentId }, 'sweeper: refund still failing'),
      );
    }
    for (const n of await deps.notifications.listUnfinished(before, BATCH)) {
      seen++;
      await finishNotification(deps, n).catch((err) =>
        deps.logger.warn({ err, provider: n.provider, ref: n.ref }, 'sweeper: notification still unfinished'),
      );
    }
    for (const p of await deps.payments.listStale(['AWAITING_PAYMENT'], before, BATCH)) {
      if (p.provider !== 'midtrans' || p.expiresAt.getTime() > before.getTime()) continue;
      seen++;
      try {
        const truth = await deps.providers.midtrans?.status(p);
        if (truth) await applyProviderTruth(deps, p, truth);
      } catch (err) {
        deps.logger.warn({ err, paymentId: p.paymentId }, 'sweeper: status poll failed');
      }
    }
    return seen;
  };
  const sweep = () => {
    running ??= once()
      .catch((err) => {
        deps.logger.warn({ err }, 'payments sweep failed; will retry');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
