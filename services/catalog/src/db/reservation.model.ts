import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';
import { RESERVATION_STATUSES } from '../domain/reservation';
import type { Reservation } from '../use-cases/ports';

/**
 * One order's stock reservation (`_id` = order id). The saga's decision and the event that
 * announces it are written together: status + outbox in one single-document update.
 */
export type ReservationDoc = Omit<Reservation, 'orderId'> & { _id: string; outbox?: OutboxEntry[] };

const ReservationSchema = new Schema<ReservationDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    status: { type: String, required: true, enum: RESERVATION_STATUSES },
    lines: { type: [{ _id: false, productId: String, quantity: Number }], default: [] },
    rejection: { type: Schema.Types.Mixed, default: null },
    releaseReason: { type: String, default: null },
    history: { type: [{ _id: false, status: String, at: Date, note: String }], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'stock_reservations', versionKey: false, minimize: false, autoIndex: false },
);

export type ReservationModel = Model<ReservationDoc>;

export function reservationModel(conn: Connection): ReservationModel {
  return (
    (conn.models.StockReservation as ReservationModel | undefined) ??
    conn.model<ReservationDoc>('StockReservation', ReservationSchema)
  );
}
