import type { SellerHandoff } from '@pasar/contracts';
import { DEMO_ACCOUNTS } from './accounts';

/** An approved demo seller: the member id products carry, and the shop facts of SellerApproved. */
export interface DemoSeller {
  /** = the member id (DEMO_MEMBERS) that DEMO_PRODUCTS carry as sellerId. */
  sellerId: string;
  cooperativeId: string;
  /** The demo account (DEMO_ACCOUNTS) that signs in as this penjual. */
  personId: string;
  shopName: string;
  description: string;
  handoff: SellerHandoff;
}

const seller = (
  sellerId: string,
  cooperativeId: string,
  shopName: string,
  description: string,
  handoff: SellerHandoff,
): DemoSeller => {
  const account = DEMO_ACCOUNTS.find((a) => a.memberId === sellerId);
  if (!account) throw new Error(`demo seller ${sellerId} has no demo account`);
  return { sellerId, cooperativeId, personId: account.personId, shopName, description, handoff };
};

/**
 * The UMKM sellers the demo seed registers as approved (and publishes SellerApproved for): every
 * demo penjual account, i.e. every member whose goods the demo products are. The cooperatives' own outlets (mbr_*_koperasi) are not sellers: their goods
 * are the cooperative's, not consignment.
 */
export const DEMO_SELLERS: DemoSeller[] = [
  seller(
    'mbr_kb_sri',
    'karangbesuki',
    'Keripik Tempe Bu Sri',
    'Keripik tempe dan singkong buatan sendiri, digoreng setiap pagi di Karangbesuki.',
    'drop_off',
  ),
  seller(
    'mbr_kb_yanti',
    'karangbesuki',
    'Kue Basah Bu Yanti',
    'Kue lumpur, onde-onde, nagasari dan jajanan pasar lain; pesan pagi, ambil sore.',
    'drop_off',
  ),
  seller(
    'mbr_kb_tirta',
    'karangbesuki',
    'Depot Tirta Besuki',
    'Air minum isi ulang galon dan es teh jumbo dari depot warga.',
    'outlet_pickup',
  ),
  seller(
    'mbr_kb_darto',
    'karangbesuki',
    'Kerajinan Bambu Pak Darto',
    'Besek, tampah, kukusan dan keranjang anyaman bambu buatan tangan.',
    'outlet_pickup',
  ),
  seller(
    'mbr_dn_ani',
    'dinoyo',
    'Sambal & Bumbu Bu Ani',
    'Sambal bawang, sambal cumi dan bumbu pecel khas Malang tanpa pengawet.',
    'drop_off',
  ),
  seller(
    'mbr_dn_hadi',
    'dinoyo',
    'Kopi Dampit Pak Hadi',
    'Kopi robusta Dampit bubuk dan biji, disangrai sendiri.',
    'outlet_pickup',
  ),
  seller(
    'mbr_dn_lestari',
    'dinoyo',
    'Lestari Snack',
    'Keripik buah, rengginang, pia mangkok dan strudel apel Malang.',
    'drop_off',
  ),
  seller(
    'mbr_ba_wati',
    'bumiayu',
    'Jamu Gendong Bu Wati',
    'Jamu kunyit asam dan beras kencur segar, dibuat setiap hari.',
    'drop_off',
  ),
  seller(
    'mbr_ba_tani',
    'bumiayu',
    'Kelompok Tani Sumber Makmur',
    'Sayur dan cabai hasil kebun anggota, pupuk non-subsidi dan keripik pisang.',
    'outlet_pickup',
  ),
];
