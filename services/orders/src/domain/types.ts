/** Shared value types of the contracts, re-exported so domain files import from one place. */
export type {
  PaymentMethod,
  StockRejectionReason,
  Unit,
} from '@pasar/contracts';

export type CooperativeId = string;
