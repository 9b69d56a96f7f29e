import { randomUUID } from 'node:crypto';
import { notificationBody } from './domain/bodies';
import { MidtransFailure, notFound } from './domain/errors';
import { vaNumber } from './domain/payment-codes';
import * as machine from './domain/transaction';
import type { Item, Method, Transaction, TxnStatus } from './domain/transaction';
import { type Knobs, Notifier, type RetryPolicy } from './notifier';

/** What POST /_sandbox/config may change at runtime. */
export interface RuntimeConfig extends Knobs, RetryPolicy {
  /** The default notification URL (Midtrans' "Payment Notification URL" setting). */
  notificationUrl?: string;
}

export const DEFAULT_RUNTIME: RuntimeConfig = {
  duplicates: 0,
  delayMs: 0,
  reorder: false,
  maxAttempts: 5,
  retryBaseMs: 1000,
  timeoutMs: 5000,
};

export interface CreateInput {
  orderId: string;
  grossAmount: number;
  items: Item[];
  methods: Method[];
  expiryMs: number;
  finishUrl?: string;
  customer?: Record<string, unknown>;
  overrideUrls?: string[];
  appendUrls: string[];
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** The sandbox's whole state (in memory) and every action on it; routes only translate HTTP. */
export class Sandbox {
  private readonly txns = new Map<string, Transaction>();
  private readonly tokens = new Map<string, string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private chargebackSeq = 1;
  readonly notifier: Notifier;
  config: RuntimeConfig;

  constructor(
    readonly serverKey: string,
    readonly merchantId: string,
    initial: Partial<RuntimeConfig> = {},
  ) {
    this.config = { ...DEFAULT_RUNTIME, ...initial };
    this.notifier = new Notifier(() => this.config);
  }

  create(input: CreateInput): Transaction {
    if (this.txns.has(input.orderId))
      throw new MidtransFailure('406', 'transaction_details.order_id sudah digunakan');
    const now = new Date();
    const t: Transaction = {
      orderId: input.orderId,
      token: randomUUID(),
      transactionId: randomUUID(),
      grossAmount: input.grossAmount,
      items: input.items,
      methods: input.methods,
      finishUrl: input.finishUrl,
      customer: input.customer,
      overrideUrls: input.overrideUrls,
      appendUrls: input.appendUrls,
      status: 'unchosen',
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expiryMs),
      refunds: [],
    };
    this.txns.set(t.orderId, t);
    this.tokens.set(t.token, t.orderId);
    this.schedule(t);
    return t;
  }

  /** Any transaction Snap knows, chosen or not (control API, page). */
  get(orderId: string): Transaction {
    const t = this.txns.get(orderId);
    if (!t) throw notFound();
    return t;
  }

  byToken(token: string): Transaction | undefined {
    const orderId = this.tokens.get(token);
    return orderId === undefined ? undefined : this.txns.get(orderId);
  }

  /** What the Core API sees: by order_id or transaction_id, and only once a method was chosen. */
  core(id: string, opts: { unchosen?: boolean } = {}): Transaction {
    const t = this.txns.get(id) ?? [...this.txns.values()].find((x) => x.transactionId === id);
    if (!t || (t.status === 'unchosen' && !opts.unchosen)) throw notFound();
    return t;
  }

  all(): Transaction[] {
    return [...this.txns.values()];
  }

  choose(orderId: string, method: Method, knobs?: Partial<Knobs>): Transaction {
    const t = this.get(orderId);
    machine.choose(t, method);
    if (method === 'qris' || method === 'gopay' || method === 'shopeepay') t.paymentType = method;
    else {
      t.paymentType = 'bank_transfer';
      t.bank = method.slice(0, -3) as Transaction['bank'];
      t.vaNumber = vaNumber(t.bank!, t);
    }
    t.transactionTime = new Date();
    return this.moveTo(t, 'pending', knobs);
  }

  pay(orderId: string, knobs?: Partial<Knobs>): Transaction {
    const t = this.get(orderId);
    const next = machine.settle(t);
    t.settlementTime = new Date();
    return this.moveTo(t, next, knobs);
  }

  fail(orderId: string, knobs?: Partial<Knobs>): Transaction {
    const t = this.get(orderId);
    return this.moveTo(t, machine.fail(t), knobs);
  }

  expire(orderId: string, knobs?: Partial<Knobs>): Transaction {
    const t = this.get(orderId);
    return this.moveTo(t, machine.expire(t), knobs);
  }

  cancel(orderId: string, knobs?: Partial<Knobs>): Transaction {
    const t = this.get(orderId);
    return this.moveTo(t, machine.cancel(t), knobs);
  }

  /**
   * Refunds once per refund_key: a known key answers the refund it made before and changes nothing.
   * Returns the key of the refund (made up when the request had none, as Midtrans does).
   */
  refund(
    orderId: string,
    req: { refundKey?: string; amount?: number; reason?: string },
    knobs?: Partial<Knobs>,
  ): string {
    const t = this.get(orderId);
    if (req.refundKey && t.refunds.some((r) => r.refundKey === req.refundKey)) return req.refundKey;
    const amount = req.amount ?? t.grossAmount - machine.refunded(t);
    const next = machine.refund(t, amount);
    const refundKey = req.refundKey ?? randomUUID();
    t.refunds.push({
      refundKey,
      amount,
      reason: req.reason,
      chargebackId: this.chargebackSeq++,
      at: new Date(),
    });
    this.moveTo(t, next, knobs);
    return refundKey;
  }

  /** Makes the status API report (and sign) another amount: plants a reconciliation mismatch. */
  tamper(orderId: string, grossAmount: number): Transaction {
    const t = this.get(orderId);
    t.reportedAmount = grossAmount;
    return t;
  }

  /** Sends the current status notification again. */
  renotify(orderId: string, knobs?: Partial<Knobs>): Transaction {
    const t = this.core(orderId, { unchosen: false });
    this.notify(t, knobs);
    return t;
  }

  reset(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.txns.clear();
    this.tokens.clear();
    this.notifier.reset();
  }

  /** The notification URLs of a transaction right now (the default URL may change at runtime). */
  urlsFor(t: Transaction): string[] {
    if (t.overrideUrls) return t.overrideUrls;
    return [...(this.config.notificationUrl ? [this.config.notificationUrl] : []), ...t.appendUrls];
  }

  private moveTo(t: Transaction, status: TxnStatus, knobs?: Partial<Knobs>): Transaction {
    t.status = status;
    if (status !== 'pending') {
      clearTimeout(this.timers.get(t.orderId));
      this.timers.delete(t.orderId);
    }
    this.notify(t, knobs);
    return t;
  }

  private notify(t: Transaction, knobs?: Partial<Knobs>): void {
    const k: Knobs = {
      duplicates: knobs?.duplicates ?? this.config.duplicates,
      delayMs: knobs?.delayMs ?? this.config.delayMs,
      reorder: knobs?.reorder ?? this.config.reorder,
    };
    const body = notificationBody(t, this.merchantId, this.serverKey);
    this.notifier.send(t.orderId, this.urlsFor(t), body, k, t.status !== 'pending');
  }

  /** custom_expiry: a transaction still unchosen or pending at expiresAt expires by itself. */
  private schedule(t: Transaction): void {
    const wait = t.expiresAt.getTime() - Date.now();
    const timer = setTimeout(
      () => {
        this.timers.delete(t.orderId);
        if (this.txns.get(t.orderId) !== t) return; // reset in between
        if (Date.now() < t.expiresAt.getTime()) return this.schedule(t); // a wait longer than one timer
        if (t.status === 'unchosen' || t.status === 'pending') this.moveTo(t, 'expire');
      },
      Math.max(0, Math.min(wait, MAX_TIMER_MS)),
    );
    timer.unref();
    this.timers.set(t.orderId, timer);
  }
}
