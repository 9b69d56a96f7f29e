import type mongoose from 'mongoose';
import type { NotificationKind } from './kinds';

/** One notification mail that went out: `_id` = `<orderId>:<kind>`. No address, no text. */
export interface SentMailDoc {
  _id: string;
  orderId: string;
  kind: NotificationKind;
  sentAt: Date;
}

/** Which notifications were sent, so a redelivered event sends nothing twice. */
export interface SentMailStore {
  has(orderId: string, kind: NotificationKind): Promise<boolean>;
  /** Records the mail; recording it twice is not an error. */
  record(orderId: string, kind: NotificationKind, at: Date): Promise<void>;
}

const key = (orderId: string, kind: NotificationKind) => `${orderId}:${kind}`;

export class MongoSentMailStore implements SentMailStore {
  constructor(private readonly coll: mongoose.mongo.Collection<SentMailDoc>) {}

  async has(orderId: string, kind: NotificationKind): Promise<boolean> {
    // An exact `_id` filter: the one lookup FerretDB's SQLite backend answers from an index.
    return (await this.coll.findOne({ _id: key(orderId, kind) }, { projection: { _id: 1 } })) !== null;
  }

  async record(orderId: string, kind: NotificationKind, at: Date): Promise<void> {
    await this.coll.updateOne(
      { _id: key(orderId, kind) },
      { $setOnInsert: { orderId, kind, sentAt: at } },
      { upsert: true },
    );
  }
}

export class MemorySentMailStore implements SentMailStore {
  readonly sent = new Map<string, Date>();
  async has(orderId: string, kind: NotificationKind): Promise<boolean> {
    return this.sent.has(key(orderId, kind));
  }
  async record(orderId: string, kind: NotificationKind, at: Date): Promise<void> {
    if (!this.sent.has(key(orderId, kind))) this.sent.set(key(orderId, kind), at);
  }
}
