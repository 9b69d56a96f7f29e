import type { CooperativeView, OrderView, ProductView, StaffPaymentView } from '~/utils/views';

/** Builders for test data shaped like the services' answers (see /tmp/pasar-api.md). */
export function cooperative(overrides: Partial<CooperativeView> = {}): CooperativeView {
  const id = overrides.cooperativeId ?? 'karangbesuki';
  return {
    cooperativeId: id,
    slug: id,
    name: 'Koperasi Kelurahan Merah Putih Karangbesuki',
    marketName: 'Karbes Market',
    ward: 'Karangbesuki',
    city: 'Kota Malang',
    outletAddress: 'Jl. Raya Karangbesuki No. 12, Kota Malang',
    description: 'Sembako, LPG dan jajanan UMKM.',
    openingHours: 'Senin–Sabtu 07.00–20.00',
    phone: '+6281234500001',
    deliveryEnabled: true,
    deliveryFee: 5_000,
    orderExpiryMinutes: 30,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
    ...overrides,
  };
}

let seq = 0;
export function product(overrides: Partial<ProductView> = {}): ProductView {
  seq += 1;
  const available = overrides.stock?.available ?? 12;
  return {
    id: seq.toString(16).padStart(24, 'a'),
    cooperativeId: 'karangbesuki',
    sellerId: 'mbr_kb_sri',
    sku: `SKU-${seq}`,
    name: 'Keripik Tempe Bu Sri 250 g',
    description: 'Keripik tempe tipis renyah.',
    category: 'makanan-ringan',
    unit: 'pack',
    price: 15_000,
    maxPerOrder: null,
    imageUrl: null,
    status: 'published',
    stock: { available, reserved: 0 },
    inStock: available > 0,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, seq)).toISOString(),
    ...overrides,
  };
}

export const KERIPIK = product({ name: 'Keripik Tempe Bu Sri 250 g' });
export const LPG = product({
  name: 'LPG 3 kg (isi ulang)',
  category: 'lpg',
  unit: 'tabung',
  price: 18_000,
  maxPerOrder: 1,
  stock: { available: 5, reserved: 0 },
});
export const HABIS = product({ name: 'Kue Lumpur Kentang', stock: { available: 0, reserved: 2 } });
export const DINOYO_KOPI = product({ name: 'Kopi Dampit', cooperativeId: 'dinoyo', category: 'minuman' });

export const PRODUCTS = [KERIPIK, LPG, HABIS, DINOYO_KOPI];
export const COOPERATIVES = [
  cooperative(),
  cooperative({
    cooperativeId: 'bumiayu',
    marketName: 'Bumiayu Tani Market',
    name: 'Koperasi Kelurahan Merah Putih Bumiayu',
    deliveryEnabled: false,
    deliveryFee: 0,
  }),
  cooperative({ cooperativeId: 'dinoyo', marketName: 'Pasar Dinoyo Mart', name: 'Koperasi Dinoyo' }),
];

export type { OrderView };

/** People known to the fake membership service (passwords are test values). */
export interface FakePerson {
  personId: string;
  name: string;
  phone: string;
  password: string;
  grants: { cooperativeId: string; roles: string[]; position?: 'ketua' | 'sekretaris' | 'bendahara' }[];
  platform: string[];
  /** The member record this account is (a seller's id once approved). */
  memberId?: string;
}
export const KETUA: FakePerson = {
  personId: 'per_kb_ketua',
  name: 'Bu Endang',
  phone: '+6281100000001',
  password: 'sandi-ketua-kb',
  grants: [{ cooperativeId: 'karangbesuki', roles: ['pengurus', 'anggota'], position: 'ketua' }],
  platform: [],
};
export const KASIR: FakePerson = {
  personId: 'per_kb_kasir',
  name: 'Mas Budi',
  phone: '+6281100000002',
  password: 'sandi-kasir-kb',
  grants: [{ cooperativeId: 'karangbesuki', roles: ['kasir'] }],
  platform: [],
};
export const PENGAWAS: FakePerson = {
  personId: 'per_kb_pengawas',
  name: 'Pak Harto',
  phone: '+6281100000003',
  password: 'sandi-pengawas-kb',
  grants: [{ cooperativeId: 'karangbesuki', roles: ['pengawas'] }],
  platform: [],
};
export const DINOYO_KETUA: FakePerson = {
  personId: 'per_dn_ketua',
  name: 'Bu Ratna',
  phone: '+6281100000004',
  password: 'sandi-ketua-dn',
  grants: [{ cooperativeId: 'dinoyo', roles: ['pengurus'], position: 'ketua' }],
  platform: [],
};
export const SHOPPER: FakePerson = {
  personId: 'per_siti',
  name: 'Siti Aminah',
  phone: '+6281234567890',
  password: 'sandi-siti-123',
  grants: [],
  platform: [],
};
export const PEOPLE = [KETUA, KASIR, PENGAWAS, DINOYO_KETUA, SHOPPER];
/** Not in PEOPLE (the member list tests know the three above); tests that need them add them. */
export const GUDANG: FakePerson = {
  personId: 'per_kb_gudang',
  name: 'Mbak Wati',
  phone: '+6281100000005',
  password: 'sandi-gudang-kb',
  grants: [{ cooperativeId: 'karangbesuki', roles: ['gudang'] }],
  platform: [],
};

let paymentSeq = 0;
/** A payment as the payments service shows it to staff; by default a bank VA payment owed back by hand. */
export function paymentView(overrides: Partial<StaffPaymentView> = {}): StaffPaymentView {
  paymentSeq += 1;
  return {
    orderId: `ord_test${String(paymentSeq).padStart(8, '9')}`,
    paymentId: `pay_test${String(paymentSeq).padStart(10, '0')}`,
    attempt: 1,
    provider: 'midtrans',
    paymentMethod: 'bank_transfer',
    amount: 33_000,
    captured: 33_000,
    refunded: 0,
    status: 'MANUAL_REFUND',
    failureReason: null,
    vaNumber: '8808123456789012',
    refund: {
      amount: 33_000,
      reason: 'order_cancelled',
      note: null,
      requestedAt: '2026-05-12T03:15:00.000Z',
      doneAt: null,
    },
    createdAt: '2026-05-12T02:00:00.000Z',
    ...overrides,
  };
}

/** LPG 3 kg bersubsidi: HET and a per-NIK limit (catalog's new fields). Not in PRODUCTS: tests add it. */
export const LPG_SUBSIDI = {
  ...product({
    name: 'LPG 3 kg bersubsidi',
    category: 'lpg',
    unit: 'tabung',
    price: 19_000,
    maxPerOrder: 2,
    stock: { available: 40, reserved: 0 },
  }),
  het: true,
  buyerLimit: { quantity: 2, period: 'week' as const },
};

/**
 * Issue 10's people (not in PEOPLE: the member list tests know the ones above; seller tests add them
 * with `withSellers()` in fake-sellers.ts): two sellers and a member of Karangbesuki, a seller of
 * Dinoyo, and the bendahara.
 */
export const SRI: FakePerson = {
  personId: 'per_kb_sri',
  name: 'Bu Sri',
  phone: '+6281100000011',
  password: 'sandi-sri-kb',
  grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota', 'penjual'] }],
  platform: [],
  memberId: 'mbr_kb_sri',
};
export const ANI: FakePerson = {
  personId: 'per_kb_ani',
  name: 'Bu Ani',
  phone: '+6281100000012',
  password: 'sandi-ani-kb',
  grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota', 'penjual'] }],
  platform: [],
  memberId: 'mbr_kb_ani',
};
export const ANGGOTA: FakePerson = {
  personId: 'per_kb_siti',
  name: 'Bu Siti',
  phone: '+6281100000013',
  password: 'sandi-siti-kb',
  grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota'] }],
  platform: [],
  memberId: 'mbr_kb_siti',
};
export const DINOYO_PENJUAL: FakePerson = {
  personId: 'per_dn_yanti',
  name: 'Bu Yanti',
  phone: '+6281100000014',
  password: 'sandi-yanti-dn',
  grants: [{ cooperativeId: 'dinoyo', roles: ['anggota', 'penjual'] }],
  platform: [],
  memberId: 'mbr_dn_yanti',
};
export const BENDAHARA: FakePerson = {
  personId: 'per_kb_bendahara',
  name: 'Bu Ratna',
  phone: '+6281100000015',
  password: 'sandi-bendahara-kb',
  grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota', 'pengurus'], position: 'bendahara' }],
  platform: [],
};
export const SELLER_PEOPLE = [SRI, ANI, ANGGOTA, DINOYO_PENJUAL, BENDAHARA];
