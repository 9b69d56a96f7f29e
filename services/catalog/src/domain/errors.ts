import { DomainError, NotFoundError } from '@pasar/service-kit';

/** Catalog's error codes in one place: AREA.REASON, mapped to HTTP by the service kit. */
export const productNotFound = (productId: string) =>
  new NotFoundError('PRODUCT.NOT_FOUND', `No product ${productId}`);

export const skuTaken = (cooperativeId: string, sku: string) =>
  new DomainError('PRODUCT.SKU_TAKEN', `SKU ${sku} is already used in cooperative ${cooperativeId}`, 409, {
    field: 'sku',
  });

export const invalidTransition = (from: string, to: string) =>
  new DomainError('PRODUCT.INVALID_TRANSITION', `A ${from} product cannot become ${to}`, 409, { from, to });

export const editConflict = (productId: string) =>
  new DomainError('PRODUCT.CONFLICT', `Product ${productId} kept changing while we saved it; try again`, 409);
