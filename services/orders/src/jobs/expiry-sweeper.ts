import { expireDueOrders } from '../use-cases/expire-due-orders';
import type { OrdersDeps } from '../use-cases/ports';

export interface ExpirySweeper {
  /** Runs one sweep now (tests); resolves with the number of orders expired. */
  sweep(opts?: { fullScan?: boolean }): Promise<number>;
  stop(): Promise<void>;
}

/** Every this many ticks (and on the first), a repair pass reads the orders themselves. */
const FULL_SCAN_EVERY = 60;

/**
 * Every `intervalMs`, expires the unconfirmed orders whose time is up, from the expiry queue.
 * The first tick and every 60th scan the orders collection instead, so an order whose queue
 * entry was lost to a crash still expires. One sweep at a time per process.
 */
export function startExpirySweeper(deps: OrdersDeps, intervalMs: number): ExpirySweeper {
  let running: Promise<number> | undefined;
  let tick = 0;
  const sweep = (opts: { fullScan?: boolean } = {}) => {
    running ??= (async () => {
      let total = 0;
      try {
        // Drain in batches so a backlog (after downtime) clears in one tick.
        for (let n = await expireDueOrders(deps, opts); n > 0; n = await expireDueOrders(deps, opts))
          total += n;
      } catch (err) {
        deps.logger.warn({ err }, 'expiry sweep failed; will retry');
      } finally {
        running = undefined;
      }
      if (total > 0) deps.logger.info({ expired: total, fullScan: Boolean(opts.fullScan) }, 'orders expired');
      return total;
    })();
    return running;
  };
  const timer = setInterval(() => void sweep({ fullScan: tick++ % FULL_SCAN_EVERY === 0 }), intervalMs);
  timer.unref();
  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
