/**
 * The chart of accounts of a consumer cooperative (koperasi konsumen), after SAK EP practice as
 * decision 0017 explains: five classes, each account with the side its balance normally sits on.
 * Codes follow the usual Indonesian layout (1 aset, 2 kewajiban, 3 ekuitas, 4 pendapatan, 5 beban).
 */
export const ACCOUNT_CLASSES = ['aset', 'kewajiban', 'ekuitas', 'pendapatan', 'beban'] as const;
export type AccountClass = (typeof ACCOUNT_CLASSES)[number];

export interface Account {
  code: string;
  /** Bahasa Indonesia first, as on the reports. */
  name: string;
  nameEn: string;
  class: AccountClass;
}

const account = (code: string, name: string, nameEn: string, cls: AccountClass): Account => ({
  code,
  name,
  nameEn,
  class: cls,
});

export const CHART = [
  account('1-1100', 'Kas', 'Cash', 'aset'),
  account('1-1200', 'Bank', 'Bank', 'aset'),
  account('1-1300', 'Dana di penyedia pembayaran', 'Funds held by payment providers', 'aset'),
  account('1-1400', 'Persediaan barang dagang', 'Merchandise inventory', 'aset'),
  account('2-1100', 'Utang konsinyasi kepada anggota', 'Consignment payable to members', 'kewajiban'),
  account('2-1200', 'Simpanan sukarela anggota', "Members' voluntary savings", 'kewajiban'),
  account(
    '2-1300',
    'Dana SHU yang belum dibagi',
    'Surplus (SHU) allocated, not yet distributed',
    'kewajiban',
  ),
  account('2-1400', 'Uang muka pelanggan', 'Customer prepayments (paid, not yet handed over)', 'kewajiban'),
  account('3-1100', 'Simpanan pokok', "Members' principal savings", 'ekuitas'),
  account('3-1200', 'Simpanan wajib', "Members' mandatory savings", 'ekuitas'),
  account('3-2100', 'Cadangan', 'Reserves', 'ekuitas'),
  account('3-3100', 'SHU tahun berjalan', "Current year's surplus (SHU)", 'ekuitas'),
  account('4-1100', 'Penjualan barang', 'Sales of goods', 'pendapatan'),
  account('4-1200', 'Pendapatan komisi titip jual', 'Consignment commission income', 'pendapatan'),
  account('4-1300', 'Pendapatan ongkos kirim', 'Delivery fee income', 'pendapatan'),
  account('5-1100', 'Harga pokok penjualan', 'Cost of goods sold', 'beban'),
  account('5-2100', 'Beban listrik dan air', 'Electricity and water', 'beban'),
  account('5-2200', 'Beban operasional lain', 'Other operating expenses', 'beban'),
] as const satisfies readonly Account[];

export type AccountCode = (typeof CHART)[number]['code'];

export const ACCOUNTS: ReadonlyMap<string, Account> = new Map(CHART.map((a) => [a.code, a]));

/** Named codes the posting rules use, so a rule reads as bookkeeping, not as numbers. */
export const A = {
  kas: '1-1100',
  bank: '1-1200',
  danaPenyedia: '1-1300',
  persediaan: '1-1400',
  utangKonsinyasi: '2-1100',
  simpananSukarela: '2-1200',
  danaShu: '2-1300',
  uangMuka: '2-1400',
  simpananPokok: '3-1100',
  simpananWajib: '3-1200',
  cadangan: '3-2100',
  shuBerjalan: '3-3100',
  penjualan: '4-1100',
  komisi: '4-1200',
  ongkir: '4-1300',
  hpp: '5-1100',
  listrik: '5-2100',
  bebanLain: '5-2200',
} as const satisfies Record<string, AccountCode>;

/** Assets and expenses grow on the debit side; liabilities, equity and income on the credit side. */
export function isDebitNormal(cls: AccountClass): boolean {
  return cls === 'aset' || cls === 'beban';
}

export function isAccountCode(code: string): code is AccountCode {
  return ACCOUNTS.has(code);
}
