import type { NotifiableOrder, NotificationKind } from './kinds';
import type { NotifyDeps } from './ports';
import { renderMail } from './render-mail';

export interface NotifyRequest {
  orderId: string;
  kind: NotificationKind;
  /** The event's time: an old event (a replay from the topic's start) is not mailed about. */
  eventTime: Date;
  /** Facts the event brings that the stored order may not have yet. */
  notaNumber?: string | undefined;
  refundedAmount?: number;
}

export type NotifyOutcome = 'sent' | 'no-email' | 'already-sent' | 'unknown-order' | 'too-old';

/**
 * Mails the shopper once per (order, kind), only when they gave an address at checkout. The sent
 * record is written after the SMTP server took the mail: a redelivery finds it and sends nothing;
 * an SMTP failure throws, and the consumer retries with backoff, then parks the event (DLQ).
 * Only a crash between the two steps could send a mail twice (the same Message-ID then).
 * The address is never logged.
 */
export async function notifyShopper(deps: NotifyDeps, req: NotifyRequest): Promise<NotifyOutcome> {
  const log = deps.logger.child({ orderId: req.orderId, kind: req.kind });
  if (deps.clock().getTime() - req.eventTime.getTime() > deps.maxAgeMs) {
    log.info('notification skipped: the event is too old to mail about');
    return 'too-old';
  }
  const order = (await deps.orders.findById(req.orderId)) as NotifiableOrder | undefined;
  if (!order) {
    log.warn('notification skipped: unknown order');
    return 'unknown-order';
  }
  const to = order.contact.email;
  if (!to) return 'no-email';
  if (await deps.sentMails.has(order.id, req.kind)) {
    log.debug('notification already sent');
    return 'already-sent';
  }
  const cooperative = await deps.cooperatives.findById(order.cooperativeId);
  const content = renderMail({
    order: { ...order, notaNumber: order.notaNumber ?? req.notaNumber ?? null },
    kind: req.kind,
    marketName: cooperative?.marketName ?? cooperative?.name ?? deps.fallbackMarketName,
    ...(req.refundedAmount !== undefined ? { refundedAmount: req.refundedAmount } : {}),
  });
  await deps.mailer.send({
    ...content,
    to,
    messageId: `<${order.id}.${req.kind}@${deps.messageIdDomain}>`,
  });
  await deps.sentMails.record(order.id, req.kind, deps.clock());
  log.info('shopper notified by email');
  return 'sent';
}
