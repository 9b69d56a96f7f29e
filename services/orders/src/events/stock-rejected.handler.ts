import type { EventOf, StockRejected } from '@pasar/contracts';
import { applyStockRejected } from '../use-cases/apply-stock-rejected';
import type { OrdersDeps } from '../use-cases/ports';

export const stockRejectedHandler = (deps: OrdersDeps) => (evt: EventOf<typeof StockRejected>) =>
  applyStockRejected(deps, evt);
