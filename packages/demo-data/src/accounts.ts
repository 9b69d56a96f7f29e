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

/**
 * More UMKM sellers, each with an account: three in Karangbesuki (so the storefront shows several),
 * and the other members whose goods the demo products are (phones 0811-0000-CC11…).
 */
const MORE_SELLERS: { coop: (typeof COOPS)[number]; key: string; name: string; memberId: string }[] = [
  { coop: COOPS[0], key: 'yanti', name: 'Bu Yanti — Kue Basah', memberId: 'mbr_kb_yanti' },
  { coop: COOPS[0], key: 'tirta', name: 'Pak Joko — Depot Tirta Besuki', memberId: 'mbr_kb_tirta' },
  { coop: COOPS[0], key: 'darto', name: 'Pak Darto — Kerajinan Bambu', memberId: 'mbr_kb_darto' },
  { coop: COOPS[1], key: 'hadi', name: 'Pak Hadi — Kopi Dampit', memberId: 'mbr_dn_hadi' },
  { coop: COOPS[1], key: 'lestari', name: 'Bu Lestari — Lestari Snack', memberId: 'mbr_dn_lestari' },
  { coop: COOPS[2], key: 'tani', name: 'Pak Karno — Kelompok Tani Sumber Makmur', memberId: 'mbr_ba_tani' },
];

/**
 * Demo accounts: in each of the three cooperatives one per role (anggota, penjual, pengurus ketua,
 * pengurus bendahara, kasir, gudang, pengawas), more sellers (MORE_SELLERS, after the first penjual
 * of each cooperative, so `demoAccount('penjual', …)` stays Bu Sri, Bu Ani, Bu Wati), plus the city office (dinas) and a shopper
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
  ...MORE_SELLERS.map(({ coop, key, name, memberId }): DemoAccount => {
    const n = MORE_SELLERS.filter((x) => x.coop === coop).findIndex((x) => x.key === key) + 1;
    return {
      personId: `per_${coop.short}_penjual_${key}`,
      name,
      phone: `+6281100000${coop.code}1${n}`,
      password: `${coop.prefix}-penjual-${key}-2026`,
      role: 'penjual',
      cooperativeId: coop.cooperativeId,
      grants: [{ cooperativeId: coop.cooperativeId, roles: ['anggota', 'penjual'] }],
      platform: [],
      memberId,
    };
  }),
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
