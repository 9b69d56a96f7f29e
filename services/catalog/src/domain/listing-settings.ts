import { DEFAULT_PRICE_REVIEW_THRESHOLD_PERCENT } from './moderation';

/** A cooperative's rules for its sellers' listings (GET | PUT /cooperatives/{id}/listing-settings). */
export interface ListingSettings {
  cooperativeId: string;
  /** A penjual's price change by more than this percentage of the live price waits for a pengurus. */
  priceReviewThresholdPercent: number;
  updatedAt: Date | null;
}

export const defaultListingSettings = (cooperativeId: string): ListingSettings => ({
  cooperativeId,
  priceReviewThresholdPercent: DEFAULT_PRICE_REVIEW_THRESHOLD_PERCENT,
  updatedAt: null,
});
