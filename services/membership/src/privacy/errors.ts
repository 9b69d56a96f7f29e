import { DomainError, NotFoundError } from '@pasar/service-kit';

/** Same answer for a missing member and another cooperative's: ids cannot be probed. */
export const memberNotFound = () =>
  new NotFoundError('MEMBER.NOT_FOUND', 'No such member in this cooperative');

export const nikNotStored = () =>
  new NotFoundError(
    'MEMBER.NIK_NOT_STORED',
    'No full NIK is stored for this member (none given, erased, or recorded before encryption: only the last 4 digits are known)',
  );

/** A stored NIK that does not decrypt: a missing key or altered data. Never echoes any part of it. */
export const nikUnreadable = () =>
  new DomainError(
    'MEMBER.NIK_UNREADABLE',
    'The stored NIK cannot be decrypted (its key is not configured, or the record was altered)',
    500,
  );
