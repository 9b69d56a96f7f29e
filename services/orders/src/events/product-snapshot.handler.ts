import type { EventOf, ProductArchived, ProductPublished, ProductUpdated } from '@pasar/contracts';
import type { OrdersDeps } from '../use-cases/ports';
import { recordProduct } from '../use-cases/record-product';

type ProductEvent =
  | EventOf<typeof ProductPublished>
  | EventOf<typeof ProductUpdated>
  | EventOf<typeof ProductArchived>;

/** Published, updated and archived all carry the full snapshot: one handler upserts them all. */
export const productSnapshotHandler = (deps: OrdersDeps) => (evt: ProductEvent) =>
  recordProduct(deps, evt.data);
