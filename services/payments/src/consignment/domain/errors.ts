import { DomainError, NotFoundError } from '@pasar/service-kit';

/** A missing seller, another seller's id named by a penjual, and another cooperative's alike. */
export const sellerNotFound = (sellerId: string) =>
  new NotFoundError('CONSIGNMENT.SELLER_NOT_FOUND', `Penjual ${sellerId} tidak ditemukan (no such seller)`);

export const payoutExceedsAvailable = (amount: number, available: number) =>
  new DomainError(
    'CONSIGNMENT.PAYOUT_EXCEEDS_AVAILABLE',
    `Pembayaran Rp ${amount} melebihi saldo yang bisa dibayarkan (Rp ${available}); the payout is more than is available`,
    409,
  );

export const idempotencyKeyReused = () =>
  new DomainError(
    'CONSIGNMENT.IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for another payout; use a new key per payout',
    409,
  );

/** Someone else kept writing the same document: the caller may try again. */
export const busy = () =>
  new DomainError('CONSIGNMENT.BUSY', 'The account is being changed by someone else; try again', 409);
