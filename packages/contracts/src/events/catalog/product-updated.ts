import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { ProductSnapshotSchema } from './product-snapshot';

/** Price, limit, name or status changed: the snapshot is the new state. */
export const ProductUpdated = defineEvent(
  'pasar.catalog.product.updated',
  Topics.catalogProduct.name,
  ProductSnapshotSchema,
);
