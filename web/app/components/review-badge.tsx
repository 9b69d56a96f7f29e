import type { ListingReview } from '~/utils/sellers';
import { useI18n } from '~/utils/use-i18n';

/** Where a listing stands: "Menunggu persetujuan", "Ditolak: <alasan>", or its status (tayang, arsip). */
export function ReviewBadge({
  status,
  review,
}: {
  status: string;
  review: Pick<ListingReview, 'state' | 'kind' | 'reason'> | null;
}) {
  const { t, label } = useI18n();
  if (review?.state === 'pending')
    return (
      <span className="badge badge-info" data-testid="review-state">
        {t(review.kind === 'price' ? 'sell.review.pendingPrice' : 'sell.review.pending')}
      </span>
    );
  if (review?.state === 'rejected')
    return (
      <span className="badge badge-soldout" data-testid="review-state">
        {t('sell.review.rejected')}
        {review.reason ? `: ${review.reason}` : ''}
      </span>
    );
  return (
    <span className="badge badge-instock" data-testid="review-state">
      {label('listingStatus', status)}
    </span>
  );
}
