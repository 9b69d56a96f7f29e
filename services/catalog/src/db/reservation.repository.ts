import { type OutboxEntry, type OutboxImages, outboxFields, storedEntries, withOutbox } from '@pasar/events';
import type { Connection, mongo } from 'mongoose';
import type { Decision, Reservation, ReservationStore, Transition } from '../use-cases/ports';
import { type ReservationDoc, type ReservationModel, reservationModel } from './reservation.model';

export type { Decision, Reservation, Transition } from '../use-cases/ports';

const toReservation = ({ _id, outbox: _o, ...rest }: ReservationDoc): Reservation => ({
  orderId: _id,
  ...rest,
});

/**
 * One document per order (`_id` = order id): the saga's decisions, each written with its event.
 * Reads and writes go through the driver's collection (the documents are written whole here, in
 * the schema's shape): mongoose's casting and documents cost a fifth of catalog's CPU per order
 * (docs/decisions/0022). The model stays for its indexes.
 */
export class ReservationRepository implements ReservationStore {
  private readonly reservations: mongo.Collection<ReservationDoc>;

  /** With `images`, each write with events leaves its document's outbox there for the relay. */
  constructor(
    readonly model: ReservationModel,
    private readonly images?: OutboxImages,
  ) {
    this.reservations = model.collection as unknown as mongo.Collection<ReservationDoc>;
  }

  static on(conn: Connection, images?: OutboxImages): ReservationRepository {
    return new ReservationRepository(reservationModel(conn), images);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  async get(orderId: string): Promise<Reservation | null> {
    const doc = await this.reservations.findOne({ _id: orderId }, { projection: { outbox: 0 } });
    return doc ? toReservation(doc) : null;
  }

  /**
   * Records the first decision about an order together with its event (one insert). The unique
   * `_id` makes it happen once: false when the order already has a reservation document.
   */
  async decide(d: Decision): Promise<boolean> {
    const now = new Date();
    try {
      const doc: ReservationDoc = {
        _id: d.orderId,
        cooperativeId: d.cooperativeId,
        status: d.status,
        lines: d.lines.map(({ productId, quantity }) => ({ productId, quantity })),
        rejection: d.rejection ?? null,
        releaseReason: d.releaseReason ?? null,
        history: [{ status: d.status, at: now, ...(d.note ? { note: d.note } : {}) }],
        createdAt: now,
        updatedAt: now,
        ...outboxFields(d.events),
      };
      await this.reservations.insertOne(doc, { ignoreUndefined: true });
      if (d.events.length > 0) {
        this.images?.record(
          'stock_reservations',
          d.orderId,
          storedEntries(doc.outbox ?? [], { ignoreUndefined: true }),
        );
      }
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return false;
      throw err;
    }
  }

  /** Moves the reservation on only if it is still in one of `from`; the events go out with the write. */
  async transition(orderId: string, t: Transition): Promise<boolean> {
    const now = new Date();
    const filter = { _id: orderId, status: { $in: t.from } };
    const update = withOutbox(
      {
        $set: {
          status: t.to,
          updatedAt: now,
          ...(t.releaseReason ? { releaseReason: t.releaseReason } : {}),
        },
        $push: { history: { status: t.to, at: now, ...(t.note ? { note: t.note } : {}) } },
      },
      t.events,
    );
    if (t.events.length === 0 || !this.images) {
      return (
        (await this.reservations.updateOne(filter, update, { ignoreUndefined: true })).modifiedCount === 1
      );
    }
    // The document after the write carries the outbox as stored: the relay need not read it back.
    const after = await this.reservations.findOneAndUpdate(filter, update, {
      ignoreUndefined: true,
      returnDocument: 'after',
    });
    if (!after) return false;
    this.images.record('stock_reservations', orderId, after.outbox as OutboxEntry[] | undefined);
    return true;
  }
}
