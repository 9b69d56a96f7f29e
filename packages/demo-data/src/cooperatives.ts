import type { CooperativeSnapshot } from '@pasar/contracts';

export interface DemoCooperative extends CooperativeSnapshot {
  slug: string;
  description: string;
  openingHours: string;
  phone: string;
}

/** Three Kelurahan Merah Putih cooperatives of Kota Malang. Addresses and phones are illustrative. */
export const DEMO_COOPERATIVES: DemoCooperative[] = [
  {
    cooperativeId: 'karangbesuki',
    slug: 'karangbesuki',
    name: 'Koperasi Kelurahan Merah Putih Karangbesuki',
    marketName: 'Karbes Market',
    ward: 'Karangbesuki',
    city: 'Kota Malang',
    outletAddress: 'Jl. Raya Karangbesuki No. 12, Kec. Sukun, Kota Malang',
    description: 'Sembako, gas LPG 3 kg, air isi ulang dan jajanan UMKM warga Karangbesuki.',
    openingHours: 'Senin–Sabtu 07.00–20.00',
    phone: '+6281234500001',
    deliveryEnabled: true,
    deliveryFee: 5_000,
    orderExpiryMinutes: 30,
    // Every method the platform offers: cash at the outlet, Midtrans (QRIS, e-wallets, VA) and cards.
    paymentMethods: ['cash', 'qris', 'gopay', 'shopeepay', 'bank_transfer', 'card'],
  },
  {
    cooperativeId: 'dinoyo',
    slug: 'dinoyo',
    name: 'Koperasi Kelurahan Merah Putih Dinoyo',
    marketName: 'Pasar Dinoyo Mart',
    ward: 'Dinoyo',
    city: 'Kota Malang',
    outletAddress: 'Jl. MT Haryono Gg. IX No. 3, Kec. Lowokwaru, Kota Malang',
    description: 'Kebutuhan pokok dan keramik serta camilan khas Dinoyo dari anggota koperasi.',
    openingHours: 'Setiap hari 06.30–21.00',
    phone: '+6281234500002',
    deliveryEnabled: true,
    deliveryFee: 7_000,
    orderExpiryMinutes: 30,
  },
  {
    cooperativeId: 'bumiayu',
    slug: 'bumiayu',
    name: 'Koperasi Kelurahan Merah Putih Bumiayu',
    marketName: 'Bumiayu Tani Market',
    ward: 'Bumiayu',
    city: 'Kota Malang',
    outletAddress: 'Jl. Kyai Parseh Jaya No. 40, Kec. Kedungkandang, Kota Malang',
    description: 'Pupuk bersubsidi, sembako dan hasil kebun anggota untuk warga Bumiayu.',
    openingHours: 'Senin–Jumat 07.00–16.00, Sabtu 07.00–12.00',
    phone: '+6281234500003',
    deliveryEnabled: false,
    deliveryFee: 0,
    orderExpiryMinutes: 45,
  },
];
