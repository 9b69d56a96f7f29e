import type { BuyerLimit, Category, Unit } from '@pasar/contracts';

export interface DemoProduct {
  sku: string;
  cooperativeId: string;
  sellerId: string;
  name: string;
  description: string;
  category: Category;
  unit: Unit;
  price: number; // integer rupiah
  maxPerOrder: number | null;
  /** Units per buyer (NIK) per period; null for goods without such a limit. */
  buyerLimit: BuyerLimit | null;
  /** The price is the HET (subsidised LPG 3 kg and pupuk bersubsidi). */
  het: boolean;
  stock: number;
}

/** Subsidised goods sold at the HET: their price is fixed (no variety between cooperatives). */
const isHet = (name: string) => name.startsWith('LPG 3 kg') || name.includes('Bersubsidi');

type Base = [
  name: string,
  category: Category,
  unit: Unit,
  price: number,
  description: string,
  maxPerOrder?: number,
];

/** Goods of the cooperative's own outlet (gerai): sembako, subsidised LPG and pupuk, household needs. */
const GERAI: Base[] = [
  ['Beras Premium Bengawan 5 kg', 'sembako', 'pack', 78_000, 'Beras putih premium, pulen, kemasan 5 kg.'],
  [
    'Beras Medium SPHP 5 kg',
    'sembako',
    'pack',
    62_500,
    'Beras stabilisasi pasokan dan harga pangan (SPHP) Bulog.',
    2,
  ],
  ['Beras Curah IR64', 'sembako', 'kg', 13_500, 'Beras curah IR64 per kilogram, ditimbang di gerai.'],
  ['Minyak Goreng Minyakita 1 liter', 'sembako', 'liter', 15_700, 'Minyak goreng rakyat sesuai HET.', 4],
  ['Minyak Goreng Sania 2 liter', 'sembako', 'pack', 38_500, 'Minyak goreng sawit kemasan pouch 2 liter.'],
  ['Gula Pasir Gulaku 1 kg', 'sembako', 'kg', 18_000, 'Gula kristal putih kemasan 1 kg.'],
  ['Telur Ayam Ras', 'sembako', 'kg', 29_000, 'Telur ayam ras segar dari peternak Malang Raya.'],
  ['Tepung Terigu Segitiga Biru 1 kg', 'sembako', 'kg', 13_000, 'Tepung terigu serbaguna protein sedang.'],
  ['Garam Dapur Beryodium 250 g', 'sembako', 'pack', 3_500, 'Garam halus beryodium.'],
  ['Kecap Manis Bango 520 ml', 'sembako', 'pcs', 24_500, 'Kecap manis kedelai hitam.'],
  [
    'Mi Instan Goreng (1 dus isi 40)',
    'sembako',
    'pack',
    118_000,
    'Satu dus mi instan goreng isi 40 bungkus.',
  ],
  [
    'LPG 3 kg (isi ulang)',
    'lpg',
    'tabung',
    18_000,
    'Isi ulang gas LPG 3 kg bersubsidi sesuai HET Kota Malang. Tukar tabung kosong di gerai.',
    1,
  ],
  [
    'LPG Bright Gas 5,5 kg (isi ulang)',
    'lpg',
    'tabung',
    98_000,
    'Isi ulang Bright Gas 5,5 kg non-subsidi.',
    2,
  ],
  ['LPG 12 kg (isi ulang)', 'lpg', 'tabung', 192_000, 'Isi ulang LPG 12 kg non-subsidi.', 2],
  [
    'Sabun Cuci Piring Sunlight 755 ml',
    'kebutuhan-rumah',
    'pcs',
    17_500,
    'Sabun cuci piring jeruk nipis, kemasan refill.',
  ],
  [
    'Deterjen Bubuk Rinso 770 g',
    'kebutuhan-rumah',
    'pack',
    24_000,
    'Deterjen bubuk untuk mesin cuci dan tangan.',
  ],
  ['Sabun Mandi Lifebuoy 4 x 70 g', 'kebutuhan-rumah', 'pack', 15_500, 'Sabun batang isi 4.'],
  ['Teh Celup Sariwangi isi 25', 'minuman', 'pack', 7_500, 'Teh hitam celup.'],
  ['Kopi Kapal Api Special 165 g', 'minuman', 'pack', 14_000, 'Kopi bubuk robusta.'],
];

const AIR: Base[] = [
  [
    'Air Isi Ulang Galon 19 liter',
    'air-isi-ulang',
    'liter',
    6_000,
    'Isi ulang air minum RO per galon 19 liter; bawa galon sendiri.',
  ],
  [
    'Air Isi Ulang Galon + Antar',
    'air-isi-ulang',
    'pcs',
    8_000,
    'Isi ulang galon 19 liter diantar ke rumah dalam kelurahan.',
  ],
  ['Galon Kosong Baru 19 liter', 'air-isi-ulang', 'pcs', 45_000, 'Galon polikarbonat baru, food grade.'],
  ['Air Mineral Botol 600 ml (1 dus isi 24)', 'minuman', 'pack', 42_000, 'Air mineral kemasan botol 600 ml.'],
];

/** Kerajinan Bambu Pak Darto: woven bamboo kitchenware made in Karangbesuki. */
const BAMBU: Base[] = [
  [
    'Besek Bambu Tutup (isi 10)',
    'kebutuhan-rumah',
    'pack',
    25_000,
    'Besek anyaman bambu dengan tutup, untuk hantaran dan nasi kotak.',
  ],
  [
    'Tampah Bambu 50 cm',
    'kebutuhan-rumah',
    'pcs',
    30_000,
    'Tampah anyaman bambu untuk menampi beras dan menjemur kerupuk.',
  ],
  ['Kukusan Bambu Kerucut', 'kebutuhan-rumah', 'pcs', 18_000, 'Kukusan nasi tradisional dari anyaman bambu.'],
];

const PUPUK: Base[] = [
  [
    'Pupuk Urea Bersubsidi 50 kg',
    'pupuk',
    'sak',
    112_500,
    'Pupuk urea bersubsidi sesuai HET (Rp 2.250/kg). Wajib terdaftar e-RDKK.',
    2,
  ],
  [
    'Pupuk NPK Phonska Bersubsidi 50 kg',
    'pupuk',
    'sak',
    115_000,
    'Pupuk NPK Phonska bersubsidi sesuai HET (Rp 2.300/kg). Wajib terdaftar e-RDKK.',
    2,
  ],
  ['Pupuk Organik Petroganik 40 kg', 'pupuk', 'sak', 32_000, 'Pupuk organik granul bersubsidi.', 5],
  [
    'Pupuk Kandang Kambing Fermentasi',
    'pupuk',
    'sak',
    25_000,
    'Pupuk kandang matang dari Kelompok Tani Sumber Makmur, karung 25 kg.',
  ],
  [
    'Pupuk NPK Mutiara 16-16-16 1 kg',
    'pupuk',
    'kg',
    21_000,
    'Pupuk NPK non-subsidi untuk tanaman hias dan sayur.',
  ],
  ['Benih Cabai Rawit Dewata 10 g', 'pupuk', 'pack', 38_000, 'Benih cabai rawit hibrida.'],
];

const SNACKS_KB: Base[] = [
  [
    'Keripik Tempe Bu Sri 250 g',
    'makanan-ringan',
    'pack',
    15_000,
    'Keripik tempe tipis renyah khas Malang, digoreng setiap pagi.',
  ],
  ['Keripik Tempe Pedas Bu Sri 250 g', 'makanan-ringan', 'pack', 16_000, 'Keripik tempe balado pedas manis.'],
  ['Keripik Singkong Balado', 'makanan-ringan', 'pack', 12_000, 'Singkong iris tipis bumbu balado, 200 g.'],
  [
    'Kue Lumpur Kentang (isi 6)',
    'makanan-ringan',
    'pack',
    18_000,
    'Kue basah lembut; pesan sebelum jam 10 untuk diambil sore.',
  ],
  ['Onde-onde Wijen (isi 10)', 'makanan-ringan', 'pack', 20_000, 'Onde-onde isi kacang hijau.'],
  ['Nagasari Pisang (isi 8)', 'makanan-ringan', 'pack', 16_000, 'Kue nagasari dibungkus daun pisang.'],
  ['Es Teh Jumbo Depot Tirta', 'minuman', 'pcs', 4_000, 'Es teh manis 1 liter.'],
  [
    'Kerupuk Samiler Mentah 500 g',
    'makanan-ringan',
    'pack',
    14_000,
    'Kerupuk singkong samiler, siap goreng.',
  ],
  ['Tahu Walik Frozen (isi 20)', 'makanan-ringan', 'pack', 25_000, 'Tahu walik aci beku, tinggal goreng.'],
];

const SNACKS_DN: Base[] = [
  ['Sambal Bawang Bu Ani 150 g', 'makanan-ringan', 'pcs', 20_000, 'Sambal bawang botol, tanpa pengawet.'],
  ['Sambal Cumi Bu Ani 150 g', 'makanan-ringan', 'pcs', 35_000, 'Sambal cumi asin pedas.'],
  [
    'Bumbu Pecel Khas Malang 250 g',
    'sembako',
    'pack',
    17_000,
    'Bumbu pecel kacang, tinggal seduh air hangat.',
  ],
  ['Kopi Dampit Robusta Bubuk 200 g', 'minuman', 'pack', 30_000, 'Kopi robusta Dampit, sangrai medium.'],
  ['Kopi Dampit Biji 500 g', 'minuman', 'pack', 65_000, 'Biji kopi robusta Dampit, sangrai medium.'],
  ['Keripik Apel Malang 100 g', 'makanan-ringan', 'pack', 22_000, 'Keripik apel manalagi vakum.'],
  ['Keripik Nangka 100 g', 'makanan-ringan', 'pack', 20_000, 'Keripik buah nangka vakum.'],
  ['Rengginang Lorjuk', 'makanan-ringan', 'pack', 25_000, 'Rengginang udang lorjuk mentah, siap goreng.'],
  [
    'Pia Mangkok Lestari (isi 10)',
    'makanan-ringan',
    'pack',
    27_000,
    'Pia mangkok isi kacang hijau dan cokelat.',
  ],
  ['Strudel Apel Lestari', 'makanan-ringan', 'pcs', 45_000, 'Strudel apel Malang, tahan 3 hari.'],
];

const SNACKS_BA: Base[] = [
  ['Jamu Kunyit Asam 600 ml', 'minuman', 'pcs', 10_000, 'Jamu kunyit asam segar Bu Wati.'],
  ['Jamu Beras Kencur 600 ml', 'minuman', 'pcs', 10_000, 'Jamu beras kencur segar.'],
  ['Cabai Rawit Segar', 'sembako', 'kg', 45_000, 'Cabai rawit hasil kebun anggota, dipetik pagi.'],
  ['Tomat Sayur', 'sembako', 'kg', 9_000, 'Tomat sayur segar.'],
  ['Sawi Hijau (ikat)', 'sembako', 'pcs', 4_000, 'Sawi hijau segar per ikat.'],
  ['Jagung Manis', 'sembako', 'kg', 8_000, 'Jagung manis kupas.'],
  ['Keripik Pisang Agung', 'makanan-ringan', 'pack', 15_000, 'Keripik pisang agung semeru 200 g.'],
];

function build(
  cooperativeId: string,
  prefix: string,
  groups: [sellerId: string, items: Base[]][],
  seed: number,
  buyerLimits: Record<string, BuyerLimit> = {},
): DemoProduct[] {
  const out: DemoProduct[] = [];
  let i = 0;
  for (const [sellerId, items] of groups) {
    for (const [name, category, unit, price, description, maxPerOrder] of items) {
      i++;
      // Deterministic variety in price (±6%, rounded to Rp 500) and stock between cooperatives.
      const wobble = ((i * 37 + seed * 11) % 13) - 6;
      const adjusted = maxPerOrder
        ? price
        : Math.max(500, Math.round((price * (100 + wobble)) / 100 / 500) * 500);
      const stock = category === 'lpg' ? 40 + ((i + seed) % 5) * 10 : 5 + ((i * 7 + seed) % 60);
      out.push({
        sku: `${prefix}-${String(i).padStart(3, '0')}`,
        cooperativeId,
        sellerId,
        name,
        description,
        category,
        unit,
        price: adjusted,
        maxPerOrder: maxPerOrder ?? null,
        buyerLimit: buyerLimits[name] ?? null,
        het: isHet(name),
        stock,
      });
    }
  }
  return out;
}

export const DEMO_PRODUCTS: DemoProduct[] = [
  ...build(
    'karangbesuki',
    'KB',
    [
      ['mbr_kb_koperasi', GERAI],
      ['mbr_kb_tirta', AIR],
      ['mbr_kb_sri', SNACKS_KB.slice(0, 3)],
      ['mbr_kb_yanti', SNACKS_KB.slice(3, 6)],
      ['mbr_kb_tirta', SNACKS_KB.slice(6, 7)],
      ['mbr_kb_yanti', SNACKS_KB.slice(7)],
      ['mbr_kb_koperasi', PUPUK.slice(2, 5)],
      ['mbr_kb_darto', BAMBU],
    ],
    1,
    // Karbes Market sells LPG 3 kg to each buyer (by NIK) at most 2 tabung per week.
    { 'LPG 3 kg (isi ulang)': { quantity: 2, period: 'week' } },
  ),
  ...build(
    'dinoyo',
    'DN',
    [
      ['mbr_dn_koperasi', GERAI],
      ['mbr_dn_koperasi', AIR],
      ['mbr_dn_ani', SNACKS_DN.slice(0, 3)],
      ['mbr_dn_hadi', SNACKS_DN.slice(3, 5)],
      ['mbr_dn_lestari', SNACKS_DN.slice(5)],
    ],
    2,
  ),
  ...build(
    'bumiayu',
    'BA',
    [
      ['mbr_ba_koperasi', GERAI],
      // Subsidised fertiliser is the cooperative's own (decision 0014); the group sells the rest.
      ['mbr_ba_koperasi', PUPUK.slice(0, 2)],
      ['mbr_ba_tani', PUPUK.slice(2)],
      ['mbr_ba_koperasi', AIR.slice(0, 2)],
      ['mbr_ba_wati', SNACKS_BA.slice(0, 2)],
      ['mbr_ba_tani', SNACKS_BA.slice(2)],
    ],
    3,
  ),
];
