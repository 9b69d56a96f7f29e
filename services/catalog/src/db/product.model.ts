import { CATEGORIES, UNITS } from '@pasar/contracts';
import type { OutboxEntry } from '@pasar/events';
import mongoose, { type Connection, type Model, Schema, type Types } from 'mongoose';
import type { HistoryEntry } from '../domain/history';
import type { ListingReview } from '../domain/moderation';
import type { ProductPhoto } from '../domain/photo';
import { PRODUCT_STATUSES, type Product, type ProductSeller, type ProductStatus } from '../domain/product';

/** A product as stored. `holds` / `sales` remember each order's units (key = order id). */
export interface ProductDoc {
  _id: Types.ObjectId;
  cooperativeId: string;
  sellerId: string;
  /** Absent on products stored before ownership existed (read as null). */
  ownerPersonId?: string | null;
  sku: string;
  name: string;
  description: string;
  category: Product['category'];
  unit: Product['unit'];
  price: number;
  maxPerOrder: number | null;
  /** Absent on products stored before subsidised goods existed (read as null / false). */
  buyerLimit?: Product['buyerLimit'];
  het?: boolean;
  imageUrl: string | null;
  /** Absent on products stored before photos, sellers and moderation (read as [], null, false, true, null). */
  photos?: ProductPhoto[];
  seller?: ProductSeller | null;
  sellerSuspended?: boolean;
  listingApproved?: boolean;
  review?: ListingReview | null;
  status: ProductStatus;
  stock: { available: number; reserved: number; sold: number };
  /**
   * History entries written with the change, not yet copied to `product_history`
   * (`{ [entryId]: entry }`); emptied right after each write (see history.repository.ts).
   */
  historyPending?: Record<string, HistoryEntry>;
  /** Units held for orders not yet confirmed: `{ [orderId]: quantity }`. */
  holds?: Record<string, number>;
  /** Units sold to confirmed orders, so a later cancellation can give them back. */
  sales?: Record<string, number>;
  /** Folded name + description for `$regex` search (FerretDB has no text index). */
  search: string;
  /** Folded name for the `name` sort. */
  sortName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox?: OutboxEntry[];
}

const count = { type: Number, required: true, min: 0, validate: Number.isInteger };

const ProductSchema = new Schema<ProductDoc>(
  {
    cooperativeId: { type: String, required: true },
    sellerId: { type: String, required: true },
    ownerPersonId: { type: String, default: null },
    sku: { type: String, required: true },
    name: { type: String, required: true },
    description: { type: String, default: '' },
    category: { type: String, required: true, enum: CATEGORIES },
    unit: { type: String, required: true, enum: UNITS },
    price: count,
    maxPerOrder: { type: Number, default: null },
    buyerLimit: { type: Schema.Types.Mixed, default: null },
    het: { type: Boolean, default: false },
    imageUrl: { type: String, default: null },
    photos: { type: [Schema.Types.Mixed], default: [] },
    seller: { type: Schema.Types.Mixed, default: null },
    sellerSuspended: { type: Boolean, default: false },
    listingApproved: { type: Boolean, default: true },
    review: { type: Schema.Types.Mixed, default: null },
    historyPending: { type: Schema.Types.Mixed, default: undefined },
    status: { type: String, required: true, enum: PRODUCT_STATUSES },
    stock: { available: count, reserved: count, sold: count },
    holds: { type: Schema.Types.Mixed, default: undefined },
    sales: { type: Schema.Types.Mixed, default: undefined },
    search: { type: String, required: true },
    sortName: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'products', versionKey: false, minimize: false, autoIndex: false },
);

// SKUs are unique per cooperative: the seed upserts on this natural key.
ProductSchema.index({ cooperativeId: 1, sku: 1 }, { unique: true });
// One index per public sort; each starts with the equality filters of the list query.
ProductSchema.index({ cooperativeId: 1, status: 1, createdAt: -1, _id: -1 });
ProductSchema.index({ cooperativeId: 1, status: 1, price: 1, _id: 1 });
ProductSchema.index({ cooperativeId: 1, status: 1, sortName: 1, _id: 1 });
ProductSchema.index({ cooperativeId: 1, status: 1, category: 1 });
// A seller's products: the suspension's updateMany and the seller page.
ProductSchema.index({ cooperativeId: 1, sellerId: 1 });

export type ProductModel = Model<ProductDoc>;

export function productModel(conn: Connection): ProductModel {
  return (
    (conn.models.Product as ProductModel | undefined) ?? conn.model<ProductDoc>('Product', ProductSchema)
  );
}

export function toProduct(doc: ProductDoc): Product {
  return {
    id: doc._id.toHexString(),
    cooperativeId: doc.cooperativeId,
    sellerId: doc.sellerId,
    ownerPersonId: doc.ownerPersonId ?? null,
    sku: doc.sku,
    name: doc.name,
    description: doc.description,
    category: doc.category,
    unit: doc.unit,
    price: doc.price,
    maxPerOrder: doc.maxPerOrder ?? null,
    buyerLimit: doc.buyerLimit ? { quantity: doc.buyerLimit.quantity, period: doc.buyerLimit.period } : null,
    het: doc.het ?? false,
    imageUrl: doc.imageUrl ?? null,
    photos: doc.photos ?? [],
    seller: doc.seller ? { sellerId: doc.seller.sellerId, shopName: doc.seller.shopName } : null,
    sellerSuspended: doc.sellerSuspended ?? false,
    listingApproved: doc.listingApproved ?? true,
    review: doc.review ?? null,
    status: doc.status,
    stock: { available: doc.stock.available, reserved: doc.stock.reserved, sold: doc.stock.sold },
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** Fields no product read needs (the outbox, per-order entries, pending history). */
export const INTERNAL_FIELDS = { outbox: 0, holds: 0, sales: 0, historyPending: 0 } as const;

export function toObjectId(id: string): Types.ObjectId | null {
  return /^[0-9a-f]{24}$/.test(id) ? new mongoose.Types.ObjectId(id) : null;
}
