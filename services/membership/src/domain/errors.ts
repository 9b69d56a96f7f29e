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

/** The member id names no record of this cooperative (another cooperative's is not revealed). */
export const memberNotFound = (field: string) =>
  new DomainError(
    'MEMBER.NOT_FOUND',
    'Tidak ada anggota dengan nomor itu di koperasi ini. / No member with that id in this cooperative.',
    404,
    { field },
  );

/** The registry record already belongs to another account: one record, one person. */
export const memberLinkedElsewhere = (memberId: string) =>
  new DomainError(
    'MEMBER.ALREADY_LINKED',
    'Data anggota ini sudah tertaut ke akun lain. / This member record is already linked to another account.',
    409,
    { field: 'memberId', memberId },
  );

/** Checked against today, so not part of the request's schema. */
export const badJoiningDate = (reason: string) =>
  new DomainError(
    'MEMBER.JOINING_DATE',
    `Tanggal masuk ${reason === 'future' ? 'tidak boleh di masa depan' : 'paling awal 17 Agustus 1945'}. / The joining date ${reason === 'future' ? 'cannot be in the future' : 'must be on or after 1945-08-17'}.`,
    409,
    { field: 'joinedOn' },
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

export const invalidCredentials = () =>
  new DomainError(
    'AUTH.INVALID_CREDENTIALS',
    'Nomor HP atau kata sandi salah. / Wrong phone number or password.',
    401,
  );

export const sessionExpired = () =>
  new DomainError(
    'AUTH.SESSION_EXPIRED',
    'Sesi Anda sudah berakhir; silakan masuk lagi. / Your session has ended; please sign in again.',
    401,
  );

export const throttled = (retryAfterSeconds: number) =>
  new DomainError(
    'AUTH.THROTTLED',
    `Terlalu banyak percobaan masuk. Coba lagi dalam ${retryAfterSeconds} detik. / Too many sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
    429,
    { retryAfterSeconds },
  );

export const invalidResetCode = () =>
  new DomainError(
    'AUTH.INVALID_RESET_CODE',
    'Kode reset salah, sudah dipakai atau kedaluwarsa. / The reset code is wrong, used or expired.',
    401,
    { field: 'code' },
  );

export const personNotFound = () =>
  new NotFoundError('PERSON.NOT_FOUND', 'No such person in this cooperative');

export const personBusy = () =>
  new DomainError('PERSON.CONCURRENT_UPDATE', 'The account changed while updating; try again', 409);

export const lastKetua = () =>
  new DomainError(
    'PEOPLE.LAST_KETUA',
    'Koperasi harus punya setidaknya satu ketua. / The cooperative must keep at least one ketua.',
    409,
  );

export const phoneTaken = () =>
  new DomainError('PERSON.PHONE_TAKEN', 'An account with this phone number already exists', 409, {
    field: 'phone',
  });

export const resetNotAllowed = () =>
  new DomainError(
    'PERSON.RESET_NOT_ALLOWED',
    'This account holds a platform role; only an operator can reset it',
    409,
  );

export const personExists = (id: string) =>
  new DomainError('PERSON.ALREADY_EXISTS', `Person "${id}" already exists`, 409, { personId: id });

/**
 * A new password of the right length that is on the common-password list. A business refusal (409),
 * not a 400: the OpenAPI schema states the length rule, and the list is not something a schema says.
 */
export const passwordTooCommon = (field: 'newPassword') =>
  new DomainError(
    'PASSWORD.TOO_COMMON',
    'Kata sandi ini terlalu umum; pilih yang lain. / This password is one of the most common; choose another.',
    409,
    { field },
  );

/** POST /auth/password with a current password that is not theirs (the web shows it on that field). */
export const wrongCurrentPassword = () =>
  new DomainError(
    'AUTH.WRONG_CURRENT_PASSWORD',
    'Kata sandi saat ini salah. / The current password is wrong.',
    401,
    { field: 'currentPassword' },
  );

/** Also the answer for another member's application: its existence is not revealed. */
export const applicationNotFound = () =>
  new NotFoundError('SELLER_APPLICATION.NOT_FOUND', 'Pengajuan tidak ditemukan. / No such application.');

export const sellerNotFound = () =>
  new NotFoundError('SELLER.NOT_FOUND', 'Penjual tidak ditemukan. / No such seller.');

/** The account is not linked to a member record of this cooperative (applications come from one). */
export const noMemberRecord = () =>
  new DomainError(
    'SELLER_APPLICATION.NOT_A_MEMBER',
    'Akun Anda belum tertaut ke data anggota koperasi ini; hubungi pengurus. / Your account is not linked to a member record of this cooperative; ask the board.',
    409,
  );

export const applicationOpen = (applicationId: string) =>
  new DomainError(
    'SELLER_APPLICATION.ALREADY_OPEN',
    'Anda masih punya pengajuan yang menunggu keputusan. / You already have an application waiting for a decision.',
    409,
    { applicationId },
  );

/** Applies to a suspended seller too: a suspension is lifted by reinstatement, not by applying again. */
export const alreadySeller = (sellerId: string) =>
  new DomainError(
    'SELLER.ALREADY_REGISTERED',
    'Anda sudah terdaftar sebagai penjual. / You are already registered as a seller.',
    409,
    { sellerId },
  );

export const sellerBusy = () =>
  new DomainError('SELLER.CONCURRENT_UPDATE', 'The seller changed while updating; try again', 409);

export const applicationDecided = (a: { applicationId: string; status: string }) =>
  new DomainError(
    'SELLER_APPLICATION.ALREADY_DECIDED',
    `Pengajuan ini sudah diputuskan (${a.status}). / This application was already decided (${a.status}).`,
    409,
    { applicationId: a.applicationId, status: a.status },
  );

export const sellerAlreadySuspended = (sellerId: string) =>
  new DomainError(
    'SELLER.ALREADY_SUSPENDED',
    'Penjual ini sudah dibekukan. / This seller is already suspended.',
    409,
    { sellerId },
  );

export const sellerNotSuspended = (sellerId: string) =>
  new DomainError(
    'SELLER.NOT_SUSPENDED',
    'Penjual ini tidak sedang dibekukan. / This seller is not suspended.',
    409,
    { sellerId },
  );

export const applicationBusy = () =>
  new DomainError(
    'SELLER_APPLICATION.CONCURRENT_UPDATE',
    'The application changed while updating; try again',
    409,
  );
