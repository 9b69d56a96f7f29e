import { DomainError, NotFoundError } from '@pasar/service-kit';

export const cooperativeNotFound = (id: string) =>
  new NotFoundError('COOPERATIVE.NOT_FOUND', `No cooperative "${id}"`);

export const cooperativeExists = (id: string) =>
  new DomainError('COOPERATIVE.ALREADY_EXISTS', `Cooperative "${id}" is already registered`, 409, {
    cooperativeId: id,
  });

export const cooperativeBusy = (id: string) =>
  new DomainError(
    'COOPERATIVE.CONCURRENT_UPDATE',
    `Cooperative "${id}" changed while updating; try again`,
    409,
  );

export const memberExists = (id: string) =>
  new DomainError('MEMBER.ALREADY_EXISTS', `Member "${id}" already exists`, 409, { memberId: id });

/** Deliberately does not echo the NIK back. */
export const nikTaken = () =>
  new DomainError(
    'MEMBER.NIK_TAKEN',
    'A member of this cooperative is already registered with this NIK',
    409,
    {
      field: 'nik',
    },
  );
