import { isInStock, type Product } from '../domain/product';
import type { ProductView, StaffProductView } from './product.schemas';

/** The public shape of a product (sold counts, per-order holds and the owner stay inside catalog). */
export function toProductView(p: Product): ProductView {
  return {
    id: p.id,
    cooperativeId: p.cooperativeId,
    sellerId: p.sellerId,
    sku: p.sku,
    name: p.name,
    description: p.description,
    category: p.category,
    unit: p.unit,
    price: p.price,
    maxPerOrder: p.maxPerOrder,
    buyerLimit: p.buyerLimit,
    het: p.het,
    imageUrl: p.imageUrl,
    photos: p.photos,
    seller: p.seller,
    status: p.status,
    stock: { available: p.stock.available, reserved: p.stock.reserved },
    inStock: isInStock(p),
    createdAt: p.createdAt.toISOString(),
  };
}

/** The back-office shape: the public one plus owner, units sold and the last change. */
export function toStaffProductView(p: Product): StaffProductView {
  return {
    ...toProductView(p),
    ownerPersonId: p.ownerPersonId,
    sellerSuspended: p.sellerSuspended,
    listingApproved: p.listingApproved,
    review: p.review && {
      state: p.review.state,
      kind: p.review.kind,
      pendingPrice: p.review.pendingPrice,
      reason: p.review.reason,
      requestedAt: p.review.requestedAt.toISOString(),
      decidedAt: p.review.decidedAt?.toISOString() ?? null,
    },
    stock: { available: p.stock.available, reserved: p.stock.reserved, sold: p.stock.sold },
    updatedAt: p.updatedAt.toISOString(),
  };
}
