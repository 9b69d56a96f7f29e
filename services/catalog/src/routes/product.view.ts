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
    stock: { available: p.stock.available, reserved: p.stock.reserved, sold: p.stock.sold },
    updatedAt: p.updatedAt.toISOString(),
  };
}
