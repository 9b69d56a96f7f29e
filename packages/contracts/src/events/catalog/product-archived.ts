import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { ProductSnapshotSchema } from './product-snapshot';

export const ProductArchived = defineEvent(
  'pasar.catalog.product.archived',
  Topics.catalogProduct.name,
  ProductSnapshotSchema,
);
