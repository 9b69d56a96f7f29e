import type { Logger } from '@pasar/events';
import type { CooperativeStore, OrderStore } from '../use-cases/ports';
import type { Mailer } from './mailer';
import type { SentMailStore } from './sent-mail.repository';

/** What the notifier needs: read-only orders and cooperatives, its own sent-mail record, a mailer. */
export interface NotifyDeps {
  orders: Pick<OrderStore, 'findById'>;
  cooperatives: Pick<CooperativeStore, 'findById'>;
  sentMails: SentMailStore;
  mailer: Mailer;
  logger: Logger;
  clock: () => Date;
  /** Events older than this are not mailed about (a new consumer group starts at the topic's beginning). */
  maxAgeMs: number;
  /** Where the mail's Message-ID is made unique (`<orderId.kind@domain>`). */
  messageIdDomain: string;
  /** Used when the cooperative's read model has no name yet. */
  fallbackMarketName: string;
}
