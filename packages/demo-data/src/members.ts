export type DemoRole = 'anggota' | 'penjual' | 'pengurus' | 'kasir' | 'gudang' | 'pengawas';

export interface DemoMember {
  memberId: string;
  cooperativeId: string;
  displayName: string;
  roles: DemoRole[];
}

const m = (memberId: string, cooperativeId: string, displayName: string, roles: DemoRole[]): DemoMember => ({
  memberId,
  cooperativeId,
  displayName,
  roles,
});

/** Members per cooperative: the board, and UMKM sellers whose goods the market lists. */
export const DEMO_MEMBERS: DemoMember[] = [
  m('mbr_kb_ketua', 'karangbesuki', 'Pak Suharto (Ketua)', ['anggota', 'pengurus']),
  m('mbr_kb_kasir', 'karangbesuki', 'Mbak Rina (Kasir)', ['anggota', 'kasir']),
  m('mbr_kb_koperasi', 'karangbesuki', 'Gerai Koperasi Karangbesuki', ['anggota', 'penjual', 'gudang']),
  m('mbr_kb_sri', 'karangbesuki', 'Bu Sri — Keripik Tempe', ['anggota', 'penjual']),
  m('mbr_kb_yanti', 'karangbesuki', 'Bu Yanti — Kue Basah', ['anggota', 'penjual']),
  m('mbr_kb_tirta', 'karangbesuki', 'Depot Tirta Besuki', ['anggota', 'penjual']),
  m('mbr_dn_ketua', 'dinoyo', 'Bu Endang (Ketua)', ['anggota', 'pengurus']),
  m('mbr_dn_koperasi', 'dinoyo', 'Gerai Koperasi Dinoyo', ['anggota', 'penjual', 'gudang']),
  m('mbr_dn_ani', 'dinoyo', 'Bu Ani — Sambal & Bumbu', ['anggota', 'penjual']),
  m('mbr_dn_hadi', 'dinoyo', 'Pak Hadi — Kopi Dampit', ['anggota', 'penjual']),
  m('mbr_dn_lestari', 'dinoyo', 'Lestari Snack', ['anggota', 'penjual']),
  m('mbr_ba_ketua', 'bumiayu', 'Pak Slamet (Ketua)', ['anggota', 'pengurus']),
  m('mbr_ba_koperasi', 'bumiayu', 'Gerai Koperasi Bumiayu', ['anggota', 'penjual', 'gudang']),
  m('mbr_ba_tani', 'bumiayu', 'Kelompok Tani Sumber Makmur', ['anggota', 'penjual']),
  m('mbr_ba_wati', 'bumiayu', 'Bu Wati — Jamu Gendong', ['anggota', 'penjual']),
  m('mbr_ba_pengawas', 'bumiayu', 'Pak Darmaji (Pengawas)', ['anggota', 'pengawas']),
];
