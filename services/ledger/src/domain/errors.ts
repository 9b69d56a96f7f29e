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
