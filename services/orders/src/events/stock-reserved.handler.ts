import type { EventOf, StockReserved } from '@pasar/contracts';
import { applyStockReserved } from '../use-cases/apply-stock-reserved';
import type { OrdersDeps } from '../use-cases/ports';

export const stockReservedHandler = (deps: OrdersDeps) => (evt: EventOf<typeof StockReserved>) =>
  applyStockReserved(deps, evt);
