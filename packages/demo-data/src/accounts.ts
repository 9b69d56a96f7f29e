import type { BoardPosition, CooperativeGrant, CooperativeRole, PlatformRole } from '@pasar/contracts';

/** Which demo role an account stands for (one account per role and cooperative). */
export type DemoAccountRole =
  | 'anggota'
  | 'penjual'
  | 'ketua'
  | 'bendahara'
  | 'kasir'
  | 'gudang'
  | 'pengawas'
  | 'dinas'
  | 'pembeli';

export interface DemoAccount {
  personId: string;
  name: string;
  /** Normalised +628…; people type it as 0811-0000-CCRR. */
  phone: string;
  /** DEVELOPMENT ONLY: deterministic so the demo, the web and the tests can sign in. */
  password: string;
  role: DemoAccountRole;
  /** The cooperative the account works in (none for dinas and the shopper). */
  cooperativeId?: string;
  grants: CooperativeGrant[];
  platform: PlatformRole[];
  /** The demo member registry entry this person is, where there is one. */
  memberId?: string;
}

const COOPS = [
  { cooperativeId: 'karangbesuki', prefix: 'karbes', code: 1, short: 'kb' },
  { cooperativeId: 'dinoyo', prefix: 'dinoyo', code: 2, short: 'dn' },
  { cooperativeId: 'bumiayu', prefix: 'bumiayu', code: 3, short: 'ba' },
] as const;

/** Per role: its grant, its number in the phone, and a name per cooperative (with the demo member id). */
const ROLES: {
  role: DemoAccountRole;
  code: number;
  roles: CooperativeRole[];
  position?: BoardPosition;
  names: Record<string, [string, string?]>;
}[] = [
  {
    role: 'anggota',
    code: 1,
    roles: ['anggota'],
    names: {
      kb: ['Bu Siti (Anggota)', 'mbr_kb_siti'],
      dn: ['Pak Yusuf (Anggota)', 'mbr_dn_yusuf'],
      ba: ['Bu Painem (Anggota)', 'mbr_ba_painem'],
    },
  },
  {
    role: 'penjual',
    code: 2,
    roles: ['anggota', 'penjual'],
    names: {
      kb: ['Bu Sri — Keripik Tempe', 'mbr_kb_sri'],
      dn: ['Bu Ani — Sambal & Bumbu', 'mbr_dn_ani'],
      ba: ['Bu Wati — Jamu Gendong', 'mbr_ba_wati'],
    },
  },
  {
    role: 'ketua',
    code: 3,
    roles: ['anggota', 'pengurus'],
    position: 'ketua',
    names: {
      kb: ['Pak Suharto (Ketua)', 'mbr_kb_ketua'],
      dn: ['Bu Endang (Ketua)', 'mbr_dn_ketua'],
      ba: ['Pak Slamet (Ketua)', 'mbr_ba_ketua'],
    },
  },
  {
    role: 'bendahara',
    code: 4,
    roles: ['anggota', 'pengurus'],
    position: 'bendahara',
    names: { kb: ['Bu Ratna (Bendahara)'], dn: ['Pak Agus (Bendahara)'], ba: ['Bu Sumiati (Bendahara)'] },
  },
  {
    role: 'kasir',
    code: 5,
    roles: ['kasir'],
    names: { kb: ['Mbak Rina (Kasir)', 'mbr_kb_kasir'], dn: ['Mbak Dewi (Kasir)'], ba: ['Mas Eko (Kasir)'] },
  },
  {
    role: 'gudang',
    code: 6,
    roles: ['gudang'],
    names: { kb: ['Mas Andi (Gudang)'], dn: ['Mas Fajar (Gudang)'], ba: ['Pak Gito (Gudang)'] },
  },
  {
    role: 'pengawas',
    code: 7,
    roles: ['anggota', 'pengawas'],
    names: {
      kb: ['Pak Bambang (Pengawas)'],
      dn: ['Bu Hartini (Pengawas)'],
      ba: ['Pak Darmaji (Pengawas)', 'mbr_ba_pengawas'],
    },
  },
];

const phone = (coop: number, role: number) => `+6281100000${coop}0${role}`;

/** More UMKM sellers of Karbes Market, each with an account (phones 0811-0000-0111…). */
const MORE_KARBES_SELLERS: { key: string; name: string; memberId: string }[] = [
  { key: 'yanti', name: 'Bu Yanti — Kue Basah', memberId: 'mbr_kb_yanti' },
  { key: 'tirta', name: 'Pak Joko — Depot Tirta Besuki', memberId: 'mbr_kb_tirta' },
  { key: 'darto', name: 'Pak Darto — Kerajinan Bambu', memberId: 'mbr_kb_darto' },
];

/**
 * Demo accounts: in each of the three cooperatives one per role (anggota, penjual, pengurus ketua,
 * pengurus bendahara, kasir, gudang, pengawas), three more sellers in Karangbesuki (after the first
 * penjual, so `demoAccount('penjual', …)` stays Bu Sri), plus the city office (dinas) and a shopper
 * with an account. Passwords are deterministic, development only; the seed refuses to run in production.
 */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  ...COOPS.flatMap((c) =>
    ROLES.map((r): DemoAccount => {
      const [name, memberId] = r.names[c.short]!;
      return {
        personId: `per_${c.short}_${r.role}`,
        name,
        phone: phone(c.code, r.code),
        password: `${c.prefix}-${r.role}-2026`,
        role: r.role,
        cooperativeId: c.cooperativeId,
        grants: [
          { cooperativeId: c.cooperativeId, roles: r.roles, ...(r.position ? { position: r.position } : {}) },
        ],
        platform: [],
        ...(memberId ? { memberId } : {}),
      };
    }),
  ),
  ...MORE_KARBES_SELLERS.map(
    (x, i): DemoAccount => ({
      personId: `per_kb_penjual_${x.key}`,
      name: x.name,
      phone: `+628110000011${i + 1}`,
      password: `karbes-penjual-${x.key}-2026`,
      role: 'penjual',
      cooperativeId: 'karangbesuki',
      grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota', 'penjual'] }],
      platform: [],
      memberId: x.memberId,
    }),
  ),
  {
    personId: 'per_dinas_malang',
    name: 'Ibu Kartika (Dinas Koperasi Kota Malang)',
    phone: '+6281100000900',
    password: 'dinas-malang-2026',
    role: 'dinas',
    grants: [],
    platform: ['dinas'],
  },
  {
    personId: 'per_pembeli_budi',
    name: 'Budi Santoso',
    phone: '+6281100000901',
    password: 'pembeli-budi-2026',
    role: 'pembeli',
    grants: [],
    platform: [],
  },
];

/** The demo account of a role in a cooperative (or dinas / pembeli without one). */
export function demoAccount(role: DemoAccountRole, cooperativeId?: string): DemoAccount {
  const a = DEMO_ACCOUNTS.find((x) => x.role === role && x.cooperativeId === cooperativeId);
  if (!a) throw new Error(`no demo account for ${role}${cooperativeId ? ` in ${cooperativeId}` : ''}`);
  return a;
}
