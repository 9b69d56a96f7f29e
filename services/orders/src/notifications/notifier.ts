import { type RunningConsumer, startConsumer } from '@pasar/events';
import type { ServiceRuntime } from '@pasar/service-kit';
import type { CooperativeStore, OrderStore } from '../use-cases/ports';
import { smtpMailer } from './mailer';
import type { NotifyDeps } from './ports';
import { MongoSentMailStore, type SentMailDoc } from './sent-mail.repository';
import { notificationSubscriptions } from './subscriptions';

export interface NotifierConfig {
  KAFKA_TOPIC_PREFIX: string;
  SMTP_URL?: string | undefined;
  MAIL_FROM: string;
  NOTIFY_MAX_AGE_HOURS: number;
}

/**
 * The shopper notifier: a consumer group of its own (`<prefix>orders-notify`) beside the orders
 * group, so a slow or failing SMTP server retries and parks only its own records and never holds up
 * the saga. Retries with backoff (about 30 s in all), then the record goes to
 * `<topic>.dlq.<prefix>orders-notify`. Nothing runs without SMTP_URL.
 */
export async function startNotifier(
  rt: Pick<ServiceRuntime, 'bus' | 'conn' | 'logger' | 'onShutdown'> &
    Partial<Pick<ServiceRuntime, 'consumerOptions'>>,
  config: NotifierConfig,
  stores: { orders: Pick<OrderStore, 'findById'>; cooperatives: Pick<CooperativeStore, 'findById'> },
): Promise<RunningConsumer | undefined> {
  if (!config.SMTP_URL) {
    rt.logger.info('SMTP_URL is not set: shoppers get no notification mails');
    return undefined;
  }
  const mailer = smtpMailer(config.SMTP_URL, config.MAIL_FROM);
  const deps: NotifyDeps = {
    ...stores,
    sentMails: new MongoSentMailStore(rt.conn.collection<SentMailDoc>('sent_mails')),
    mailer,
    logger: rt.logger.child({ component: 'notifier' }),
    clock: () => new Date(),
    maxAgeMs: config.NOTIFY_MAX_AGE_HOURS * 3_600_000,
    messageIdDomain: 'orders.pasar',
    fallbackMarketName: 'Pasar',
  };
  const consumer = await startConsumer({
    bus: rt.bus,
    groupId: `${config.KAFKA_TOPIC_PREFIX}orders-notify`,
    subscriptions: notificationSubscriptions(deps),
    processed: rt.conn.collection('processed_events'), // ids are `<group>:<event id>`: no clash
    ...rt.consumerOptions,
    maxAttempts: 8,
    retryBaseMs: 500,
  });
  rt.onShutdown(async () => {
    await consumer.stop();
    mailer.close();
  });
  return consumer;
}
