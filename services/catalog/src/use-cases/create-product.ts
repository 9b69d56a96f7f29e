import type { Envelope } from '@pasar/contracts';
import { DomainError } from '@pasar/service-kit';
import { diffOf } from '../domain/history';
import { assertSellerMayList, newListingModeration } from '../domain/moderation';
import { buildProduct, type NewProduct, type Product, productEventFor } from '../domain/product';
import { ownerOfNewProduct } from '../domain/product-access';
import { activeSellerOf, actorIn, editorKindOf } from './actor';
import { auditEvent } from './audit-event';
import { CATALOG_SOURCE, type CatalogDeps, type WriteContext } from './deps';
import { historyEntry } from './history-entry';
import { listingsChanged } from './listings-changed';

/** A listing as submitted: staff name the seller (`sellerId`); a penjual's comes from their seller record. */
export type ProductSubmission = Omit<NewProduct, 'sellerId'> & { sellerId?: string };

const sellerIdMissing = () =>
  new DomainError('PRODUCT.SELLER_REQUIRED', 'sellerId: staff name whose goods they list', 422, {
    field: 'sellerId',
  });

/**
 * Lists a new product; its first event (Published, or Updated for a draft) is stored with it, and
 * for a person acting through HTTP an AuditRecorded entry and the first history entry too, in the
 * same insert. A penjual must be an active seller of the cooperative: the listing carries their
 * seller id, they become its owner, and a listing they want published waits for a pengurus's review
 * as a draft. Staff listings (and the seed's) are published as asked.
 */
export async function createProduct(
  deps: CatalogDeps,
  input: ProductSubmission,
  ctx: WriteContext = {},
): Promise<Product> {
  const actor = actorIn(ctx, input.cooperativeId);
  const editor = editorKindOf(actor);
  assertSellerMayList(editor, input);
  const seller =
    actor && editor === 'penjual' ? await activeSellerOf(deps, actor, input.cooperativeId) : null;
  const sellerId = seller?.sellerId ?? input.sellerId;
  if (!sellerId) throw sellerIdMissing();
  // Staff listing a seller's goods (titip jual): the listing shows their shop, and hides while they are suspended.
  const known = seller ?? (await deps.sellers.find(input.cooperativeId, sellerId));
  const now = new Date();
  const product = buildProduct(
    {
      ...input,
      sellerId,
      // The penjual who lists it owns it; staff listings have no owner; the seed names the demo seller.
      ownerPersonId: actor ? ownerOfNewProduct(actor) : (input.ownerPersonId ?? null),
      seller: known ? { sellerId, shopName: known.shopName } : null,
      sellerSuspended: known?.status === 'suspended',
      ...newListingModeration(editor, input.status, now),
    },
    deps.products.newId(),
    now,
  );
  const correlation = ctx.correlationId ? { correlationId: ctx.correlationId } : {};
  const events: Envelope[] = [
    productEventFor(undefined, product, {
      source: CATALOG_SOURCE,
      cooperativeId: product.cooperativeId,
      ...correlation,
    }),
  ];
  if (actor)
    events.push(
      auditEvent({
        cooperativeId: product.cooperativeId,
        actor,
        action: 'catalog.product.created',
        productId: product.id,
        after: { price: product.price, stock: product.stock.available, status: product.status },
        at: now,
        ...correlation,
      }),
    );
  const history = [
    historyEntry({
      kind: product.review ? 'review_requested' : 'created',
      product,
      actor,
      changes: [
        ...diffOf(undefined, product),
        { field: 'stock', before: null, after: product.stock.available },
      ],
      at: now,
    }),
  ];
  await deps.products.insert(product, events, history);
  deps.outboxWritten?.('products', product.id);
  await listingsChanged(deps, product.cooperativeId, { productIds: [product.id] });
  return product;
}
