import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { ProductSnapshotSchema } from './product-snapshot';

export const ProductPublished = defineEvent(
  'pasar.catalog.product.published',
  Topics.catalogProduct.name,
  ProductSnapshotSchema,
);
