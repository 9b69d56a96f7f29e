import type { ListingCard } from '../domain/listing-card';
import type { ListingSource } from './listing-index';
import { INTERNAL_FIELDS, type ProductDoc, type ProductModel, toObjectId, toProduct } from './product.model';

type CardDoc = Pick<
  ProductDoc,
  | '_id'
  | 'cooperativeId'
  | 'sellerId'
  | 'category'
  | 'price'
  | 'createdAt'
  | 'sortName'
  | 'search'
  | 'status'
  | 'sellerSuspended'
  | 'stock'
>;

/** The card fields only (FerretDB still decodes each document, but the driver gets little back). */
const CARD_PROJECTION = {
  cooperativeId: 1,
  sellerId: 1,
  category: 1,
  price: 1,
  createdAt: 1,
  sortName: 1,
  search: 1,
  status: 1,
  sellerSuspended: 1,
  'stock.available': 1,
} as const;

/** The card of a stored product, from the stored `search` and `sortName` the mongo list query reads. */
export function cardOfDoc(doc: CardDoc): ListingCard {
  return {
    id: doc._id.toHexString(),
    cooperativeId: doc.cooperativeId,
    sellerId: doc.sellerId,
    category: doc.category,
    price: doc.price,
    createdAt: doc.createdAt.getTime(),
    sortName: doc.sortName,
    search: doc.search,
    status: doc.status,
    sellerSuspended: doc.sellerSuspended ?? false,
    stockAvailable: doc.stock.available,
  };
}

/**
 * The listing index's reads on the products collection, both pushed down to SQL by FerretDB
 * (decision 0009): the cooperative's products by string equality on `cooperativeId` (a scan in
 * SQL, but only that cooperative's documents are decoded), a page's products by `_id: {$in}`.
 */
export class MongoListingSource implements ListingSource {
  constructor(private readonly model: ProductModel) {}

  async cards(cooperativeId: string): Promise<ListingCard[]> {
    const docs = await this.model.find({ cooperativeId }, CARD_PROJECTION).lean<CardDoc[]>();
    return docs.map(cardOfDoc);
  }

  async products(cooperativeId: string) {
    const docs = await this.model.find({ cooperativeId }, INTERNAL_FIELDS).lean<ProductDoc[]>();
    return docs.map((doc) => ({ product: toProduct(doc), card: cardOfDoc(doc) }));
  }

  async read(ids: readonly string[]) {
    const oids = ids.map(toObjectId).filter((o) => o !== null);
    if (oids.length === 0) return [];
    const docs = await this.model.find({ _id: { $in: oids } }, INTERNAL_FIELDS).lean<ProductDoc[]>();
    return docs.map((doc) => ({ product: toProduct(doc), card: cardOfDoc(doc) }));
  }
}
