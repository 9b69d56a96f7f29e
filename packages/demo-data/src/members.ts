export type DemoRole = 'anggota' | 'penjual' | 'pengurus' | 'kasir' | 'gudang' | 'pengawas';

export interface DemoMember {
  memberId: string;
  cooperativeId: string;
  displayName: string;
  roles: DemoRole[];
  /** The demo account (accounts.ts) this member signs in with, where there is one. */
  personId?: string;
}

const m = (
  memberId: string,
  cooperativeId: string,
  displayName: string,
  roles: DemoRole[],
  personId?: string,
): DemoMember => ({
  memberId,
  cooperativeId,
  displayName,
  roles,
  ...(personId ? { personId } : {}),
});

/**
 * Members per cooperative: the board, UMKM sellers whose goods the market lists, and an ordinary
 * anggota. `personId` links a record to its demo account (a member applies to sell from it).
 */
export const DEMO_MEMBERS: DemoMember[] = [
  m('mbr_kb_ketua', 'karangbesuki', 'Pak Suharto (Ketua)', ['anggota', 'pengurus'], 'per_kb_ketua'),
  m('mbr_kb_kasir', 'karangbesuki', 'Mbak Rina (Kasir)', ['anggota', 'kasir'], 'per_kb_kasir'),
  m('mbr_kb_koperasi', 'karangbesuki', 'Gerai Koperasi Karangbesuki', ['anggota', 'penjual', 'gudang']),
  m('mbr_kb_sri', 'karangbesuki', 'Bu Sri — Keripik Tempe', ['anggota', 'penjual'], 'per_kb_penjual'),
  m('mbr_kb_yanti', 'karangbesuki', 'Bu Yanti — Kue Basah', ['anggota', 'penjual'], 'per_kb_penjual_yanti'),
  m('mbr_kb_tirta', 'karangbesuki', 'Depot Tirta Besuki', ['anggota', 'penjual'], 'per_kb_penjual_tirta'),
  m(
    'mbr_kb_darto',
    'karangbesuki',
    'Pak Darto — Kerajinan Bambu',
    ['anggota', 'penjual'],
    'per_kb_penjual_darto',
  ),
  m('mbr_kb_siti', 'karangbesuki', 'Bu Siti (Anggota)', ['anggota'], 'per_kb_anggota'),
  m('mbr_dn_ketua', 'dinoyo', 'Bu Endang (Ketua)', ['anggota', 'pengurus'], 'per_dn_ketua'),
  m('mbr_dn_koperasi', 'dinoyo', 'Gerai Koperasi Dinoyo', ['anggota', 'penjual', 'gudang']),
  m('mbr_dn_ani', 'dinoyo', 'Bu Ani — Sambal & Bumbu', ['anggota', 'penjual'], 'per_dn_penjual'),
  m('mbr_dn_hadi', 'dinoyo', 'Pak Hadi — Kopi Dampit', ['anggota', 'penjual'], 'per_dn_penjual_hadi'),
  m('mbr_dn_lestari', 'dinoyo', 'Lestari Snack', ['anggota', 'penjual'], 'per_dn_penjual_lestari'),
  m('mbr_dn_yusuf', 'dinoyo', 'Pak Yusuf (Anggota)', ['anggota'], 'per_dn_anggota'),
  m('mbr_ba_ketua', 'bumiayu', 'Pak Slamet (Ketua)', ['anggota', 'pengurus'], 'per_ba_ketua'),
  m('mbr_ba_koperasi', 'bumiayu', 'Gerai Koperasi Bumiayu', ['anggota', 'penjual', 'gudang']),
  m('mbr_ba_tani', 'bumiayu', 'Kelompok Tani Sumber Makmur', ['anggota', 'penjual'], 'per_ba_penjual_tani'),
  m('mbr_ba_wati', 'bumiayu', 'Bu Wati — Jamu Gendong', ['anggota', 'penjual'], 'per_ba_penjual'),
  m('mbr_ba_pengawas', 'bumiayu', 'Pak Darmaji (Pengawas)', ['anggota', 'pengawas'], 'per_ba_pengawas'),
  m('mbr_ba_painem', 'bumiayu', 'Bu Painem (Anggota)', ['anggota'], 'per_ba_anggota'),
];
