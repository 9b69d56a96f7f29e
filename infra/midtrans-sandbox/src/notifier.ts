import { setTimeout as sleep } from 'node:timers/promises';
import type { Body } from './domain/bodies';

/** Test knobs: set globally (POST /_sandbox/config) or per action (the body of pay/fail/expire/…). */
export interface Knobs {
  /** Send each notification this many EXTRA times (at-least-once delivery, as Midtrans may do). */
  duplicates: number;
  /** Wait this long before the first attempt. */
  delayMs: number;
  /** Hold the transaction's notifications and deliver them newest first once a final status comes. */
  reorder: boolean;
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Backoff before attempt n+1: retryBaseMs × 2^(n-1). */
  retryBaseMs: number;
  timeoutMs: number;
}

export interface Delivery {
  id: number;
  orderId: string;
  url: string;
  transactionStatus: string;
  /** 0 for the original, 1…N for the copies the `duplicates` knob asked for. */
  copy: number;
  state: 'held' | 'waiting' | 'sending' | 'delivered' | 'failed';
  attempts: number;
  lastHttpStatus?: number;
  lastError?: string;
  deliveredAt?: string;
}

interface Job {
  deliveries: Delivery[];
  body: Body;
  delayMs: number;
}

/**
 * Delivers notifications at least once: POST JSON, a non-2xx answer or a timeout is retried with
 * exponential backoff up to maxAttempts. Every attempt is recorded for GET /_sandbox/transactions.
 */
export class Notifier {
  private nextId = 1;
  private readonly byOrder = new Map<string, Delivery[]>();
  private readonly held = new Map<string, Job[]>();
  private generation = 0;

  constructor(private readonly policy: () => RetryPolicy) {}

  deliveries(orderId: string): Delivery[] {
    return this.byOrder.get(orderId) ?? [];
  }

  /**
   * Queues one notification for `urls`. With `reorder`, non-final statuses are held; a final one
   * releases everything held for the order, newest first.
   */
  send(orderId: string, urls: string[], body: Body, knobs: Knobs, final: boolean): void {
    const status = String(body.transaction_status);
    const deliveries: Delivery[] = [];
    for (const url of urls) {
      for (let copy = 0; copy <= knobs.duplicates; copy++) {
        deliveries.push({
          id: this.nextId++,
          orderId,
          url,
          transactionStatus: status,
          copy,
          state: 'waiting',
          attempts: 0,
        });
      }
    }
    const list = this.byOrder.get(orderId) ?? [];
    list.push(...deliveries);
    this.byOrder.set(orderId, list);
    const job: Job = { deliveries, body, delayMs: knobs.delayMs };
    const heldJobs = this.held.get(orderId) ?? [];
    if (knobs.reorder && !final) {
      for (const d of deliveries) d.state = 'held';
      heldJobs.push(job);
      this.held.set(orderId, heldJobs);
      return;
    }
    this.held.delete(orderId);
    this.start([job, ...heldJobs.reverse()]);
  }

  /** Releases what is held for the order (newest first); returns how many notifications it released. */
  flush(orderId: string): number {
    const jobs = this.held.get(orderId) ?? [];
    this.held.delete(orderId);
    this.start(jobs.reverse());
    return jobs.length;
  }

  /** Forgets everything; deliveries still retrying stop at their next step. */
  reset(): void {
    this.generation++;
    this.byOrder.clear();
    this.held.clear();
  }

  /** Runs the jobs one after another, so a released batch really arrives in the order given. */
  private start(jobs: Job[]): void {
    if (jobs.length === 0) return;
    for (const j of jobs) for (const d of j.deliveries) d.state = 'waiting';
    void (async () => {
      for (const j of jobs) await this.run(j);
    })();
  }

  private async run(job: Job): Promise<void> {
    const generation = this.generation;
    if (job.delayMs > 0) await sleep(job.delayMs);
    // Per URL, the copies go out one after another: "duplicates" means N extra identical POSTs.
    await Promise.all(
      groupByUrl(job.deliveries).map(async (copies) => {
        for (const d of copies) await this.deliver(d, job.body, generation);
      }),
    );
  }

  private async deliver(d: Delivery, body: Body, generation: number): Promise<void> {
    const payload = JSON.stringify(body);
    for (;;) {
      if (generation !== this.generation) return;
      const { maxAttempts, retryBaseMs, timeoutMs } = this.policy();
      d.state = 'sending';
      d.attempts++;
      try {
        const res = await fetch(d.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'Veritrans' },
          body: payload,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        d.lastHttpStatus = res.status;
        d.lastError = undefined;
        if (res.ok) {
          d.state = 'delivered';
          d.deliveredAt = new Date().toISOString();
          return;
        }
      } catch (err) {
        d.lastHttpStatus = undefined;
        d.lastError = err instanceof Error ? err.message : String(err);
      }
      if (d.attempts >= maxAttempts) {
        d.state = 'failed';
        return;
      }
      d.state = 'waiting';
      await sleep(retryBaseMs * 2 ** (d.attempts - 1));
    }
  }
}

function groupByUrl(deliveries: Delivery[]): Delivery[][] {
  const groups = new Map<string, Delivery[]>();
  for (const d of deliveries) groups.set(d.url, [...(groups.get(d.url) ?? []), d]);
  return [...groups.values()];
}
