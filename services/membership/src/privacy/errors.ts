import { DomainError, NotFoundError } from '@pasar/service-kit';

/** Same answer for a missing member and another cooperative's: ids cannot be probed. */
export const memberNotFound = () =>
  new NotFoundError('MEMBER.NOT_FOUND', 'No such member in this cooperative');

/** A stored NIK that does not decrypt: a missing key or altered data. Never echoes any part of it. */
export const nikUnreadable = () =>
  new DomainError(
    'MEMBER.NIK_UNREADABLE',
    'The stored NIK cannot be decrypted (its key is not configured, or the record was altered)',
    500,
  );
