import { DomainError, NotFoundError } from '@pasar/service-kit';

const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;

/** Also another cooperative's member: its existence is not revealed. */
export const savingsMemberNotFound = () =>
  new NotFoundError('SAVINGS.MEMBER_NOT_FOUND', 'Anggota tidak ditemukan. / No such member.');

/** GET my-savings by an account that no member record of this cooperative is linked to. */
export const noMemberRecord = () =>
  new NotFoundError(
    'SAVINGS.NO_MEMBER_RECORD',
    'Akun Anda belum tertaut ke data anggota koperasi ini; hubungi pengurus. / Your account is not linked to a member record of this cooperative; ask the board.',
  );

/** A registry record without the anggota role (staff who are not members) keeps no savings. */
export const notAnggota = (memberId: string) =>
  new DomainError(
    'SAVINGS.NOT_A_MEMBER',
    'Orang ini bukan anggota koperasi, jadi tidak punya simpanan. / This person is not a member of the cooperative, so keeps no savings.',
    409,
    { memberId },
  );

export const pokokAlreadyPaid = (receiptNumber: string | null) =>
  new DomainError(
    'SAVINGS.POKOK_ALREADY_PAID',
    `Simpanan pokok anggota ini sudah dibayar${receiptNumber ? ` (bukti ${receiptNumber})` : ''}; pokok dibayar sekali saja. / This member's simpanan pokok was paid already${receiptNumber ? ` (receipt ${receiptNumber})` : ''}; it is paid once.`,
    409,
    { field: 'kind', receiptNumber },
  );

export const pokokAmount = (expected: number) =>
  new DomainError(
    'SAVINGS.POKOK_AMOUNT',
    `Simpanan pokok menurut AD/ART adalah ${rupiah(expected)}. / The bylaws set simpanan pokok at ${rupiah(expected)}.`,
    409,
    { field: 'amount', expected },
  );

export const wajibAmountMismatch = (months: number, expected: number) =>
  new DomainError(
    'SAVINGS.WAJIB_AMOUNT_MISMATCH',
    `Simpanan wajib ${months} bulan berikutnya berjumlah ${rupiah(expected)}. / The next ${months} month(s) of simpanan wajib come to ${rupiah(expected)}.`,
    409,
    { field: 'amount', expected, months },
  );

export const wajibTooFarAhead = (months: number, max: number) =>
  new DomainError(
    'SAVINGS.WAJIB_TOO_FAR_AHEAD',
    `Simpanan wajib dapat dibayar paling jauh ${months} bulan di muka: paling banyak ${rupiah(max)} sekarang. / Simpanan wajib can be paid at most ${months} months ahead: at most ${rupiah(max)} now.`,
    409,
    { field: 'amount', max, months },
  );

export const insufficient = (balance: number) =>
  new DomainError(
    'SAVINGS.INSUFFICIENT',
    `Saldo simpanan sukarela hanya ${rupiah(balance)}. / The simpanan sukarela balance is only ${rupiah(balance)}.`,
    409,
    { field: 'amount', balance },
  );

export const receiptUsed = (receiptNumber: string) =>
  new DomainError(
    'SAVINGS.RECEIPT_USED',
    `Nomor bukti ${receiptNumber} sudah dipakai untuk transaksi lain. / Receipt number ${receiptNumber} was already used for another movement.`,
    409,
    { field: 'receiptNumber', receiptNumber },
  );

export const receivedInFuture = () =>
  new DomainError(
    'SAVINGS.RECEIVED_IN_FUTURE',
    'Tanggal terima tidak boleh di masa depan. / The date received cannot be in the future.',
    409,
    { field: 'receivedAt' },
  );

export const receivedBeforeJoining = (joinedAt: Date) =>
  new DomainError(
    'SAVINGS.RECEIVED_BEFORE_JOINING',
    `Tanggal terima tidak boleh sebelum anggota bergabung (${joinedAt.toISOString()}). / The date received cannot be before the member joined (${joinedAt.toISOString()}).`,
    409,
    { field: 'receivedAt', joinedAt: joinedAt.toISOString() },
  );

export const rateMonthTwice = () =>
  new DomainError(
    'SAVINGS.RATE_MONTH_TWICE',
    'Satu bulan hanya boleh punya satu tarif simpanan wajib. / A month can have only one simpanan wajib rate.',
    409,
    { field: 'wajibRates' },
  );

/** PUT savings-settings: the bylaws' figures are the ketua's or the bendahara's to enter. */
export const ketuaOrBendaharaOnly = () =>
  new DomainError(
    'SAVINGS.KETUA_OR_BENDAHARA_ONLY',
    'Hanya ketua atau bendahara yang mengatur simpanan. / Only the ketua or the bendahara sets the savings rules.',
    403,
  );

export const savingsBusy = () =>
  new DomainError(
    'SAVINGS.BUSY',
    'Simpanan anggota ini sedang diubah; coba lagi. / This member’s savings are being changed; try again.',
    409,
  );
