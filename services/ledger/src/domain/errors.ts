import { DomainError, NotFoundError, ValidationError } from '@pasar/service-kit';
import type { Period } from './journal';

/** The ledger's refusals, each with its AREA.REASON code (mapped to HTTP by the kit). */
export const periodClosed = (period: Period) =>
  new DomainError(
    'LEDGER.PERIOD_CLOSED',
    `Periode ${period} sudah ditutup: tidak bisa mencatat ke periode itu`,
    409,
    {
      period,
    },
  );

export const periodNotEnded = (period: Period) =>
  new DomainError(
    'LEDGER.PERIOD_NOT_ENDED',
    `Periode ${period} belum berakhir: hanya periode yang sudah lewat yang bisa ditutup`,
    409,
    { period },
  );

export const entryNotFound = (entryId: string) =>
  new NotFoundError('LEDGER.ENTRY_NOT_FOUND', `Jurnal ${entryId} tidak ditemukan`);

export const accountNotFound = (code: string) =>
  new NotFoundError('LEDGER.ACCOUNT_NOT_FOUND', `Akun ${code} tidak ada di bagan akun`);

export const manualEntryNotFound = (id: string) =>
  new NotFoundError('LEDGER.MANUAL_ENTRY_NOT_FOUND', `Jurnal manual ${id} tidak ditemukan`);

export const reversalNotReversible = (entryId: string) =>
  new DomainError(
    'LEDGER.REVERSAL_NOT_REVERSIBLE',
    `Jurnal ${entryId} adalah jurnal pembalik: buat jurnal baru untuk mengoreksinya`,
    409,
  );

export const alreadyReversed = (entryId: string, by: string) =>
  new DomainError('LEDGER.ALREADY_REVERSED', `Jurnal ${entryId} sudah dibalik oleh ${by}`, 409, {
    reversal: by,
  });

export const notPending = (id: string, status: string) =>
  new DomainError('LEDGER.MANUAL_ENTRY_DECIDED', `Jurnal manual ${id} sudah ${status}`, 409, { status });

export const secondPengurusRequired = () =>
  new DomainError(
    'LEDGER.SECOND_PENGURUS_REQUIRED',
    'Jurnal manual harus disetujui pengurus lain, bukan yang mengusulkannya',
    403,
  );

/** Lines that do not make one balanced entry: a 400 naming the field, as every bad input. */
export const badLines = (message: string) => new ValidationError([{ field: 'lines', message }]);

/** SHU for the RAT (decision 0017): the refusals of a year's run. */
export const shuNotFound = (year: number) =>
  new NotFoundError('SHU.NOT_FOUND', `SHU tahun ${year} belum dihitung: buat drafnya dulu`);

export const shuAllocationNotSet = () =>
  new DomainError(
    'SHU.ALLOCATION_NOT_SET',
    'Pembagian SHU menurut AD/ART belum diisi: isi persentasenya dulu',
    409,
  );

export const shuYearNotClosed = (period: Period) =>
  new DomainError(
    'SHU.YEAR_NOT_CLOSED',
    `Periode ${period} belum ditutup: SHU dihitung dari buku yang sudah ditutup (dua belas bulan)`,
    409,
    { period },
  );

export const shuNotDraft = (year: number, status: string) =>
  new DomainError('SHU.NOT_DRAFT', `SHU tahun ${year} sudah ${status}: drafnya tidak bisa diubah lagi`, 409, {
    status,
  });

export const shuLoss = (year: number, shu: number) =>
  new DomainError(
    'SHU.LOSS',
    `Tahun ${year} rugi (SHU ${shu}): kerugian tidak dibagi kepada anggota, jadi tidak ada yang disahkan untuk dibagi`,
    409,
    { shu },
  );

export const shuNothingToShare = (year: number) =>
  new DomainError('SHU.NOTHING_TO_SHARE', `SHU tahun ${year} nol: tidak ada yang dibagi`, 409);

export const shuNotApproved = (year: number, status: string) =>
  new DomainError(
    'SHU.NOT_APPROVED',
    `SHU tahun ${year} berstatus ${status}: hanya SHU yang sudah disahkan RAT yang dibagikan`,
    409,
    { status },
  );

export const shuAlreadyDistributed = (year: number) =>
  new DomainError('SHU.ALREADY_DISTRIBUTED', `SHU tahun ${year} sudah dibagikan`, 409);

export const shuBusy = (year: number, status: string) =>
  new DomainError(
    'SHU.IN_PROGRESS',
    `SHU tahun ${year} sedang diproses (${status}) oleh pengurus lain: muat ulang sebentar lagi`,
    409,
    { status },
  );

export const shuChanged = (year: number) =>
  new DomainError('SHU.CHANGED', `SHU tahun ${year} baru saja berubah: muat ulang lalu coba lagi`, 409);

export const shuPositionRequired = () =>
  new DomainError('SHU.POSITION_REQUIRED', 'Hanya ketua atau bendahara yang boleh melakukan ini', 403);

export const notAMember = () =>
  new NotFoundError('SHU.NOT_A_MEMBER', 'Akun ini tidak tercatat sebagai anggota koperasi ini');
