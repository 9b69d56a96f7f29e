/**
 * Demo savings (simpanan): each demo cooperative's bylaws figures, and deposits and a withdrawal
 * recorded by its bendahara for the demo members, so the staff's arrears list and the members'
 * own savings page have something to show. The demo members join when the seed runs, so the
 * movements carry no receipt date (they are recorded as received then). Some members are paid up,
 * some a year ahead, some owe: the arrears list shows both. Receipt numbers are unique per
 * cooperative (BS: bukti setor, BT: bukti tarik), so a second seed run records nothing new.
 */
export type DemoSavingsKind = 'pokok' | 'wajib' | 'sukarela';

export interface DemoSavingsSettings {
  cooperativeId: string;
  pokokAmount: number;
  wajibRates: { from: string; amount: number }[];
  firstDue: 'joining_month' | 'month_after_joining';
}

export interface DemoSavingsMovement {
  cooperativeId: string;
  memberId: string;
  type: 'deposit' | 'withdrawal';
  kind: DemoSavingsKind;
  amount: number;
  method: 'cash' | 'transfer';
  receiptNumber: string;
}

export const DEMO_SAVINGS_SETTINGS: DemoSavingsSettings[] = [
  {
    cooperativeId: 'karangbesuki',
    pokokAmount: 100_000,
    wajibRates: [{ from: '2025-01', amount: 10_000 }],
    firstDue: 'joining_month',
  },
  {
    cooperativeId: 'dinoyo',
    pokokAmount: 50_000,
    wajibRates: [{ from: '2025-01', amount: 10_000 }],
    firstDue: 'joining_month',
  },
  {
    cooperativeId: 'bumiayu',
    pokokAmount: 100_000,
    wajibRates: [{ from: '2025-01', amount: 5_000 }],
    firstDue: 'month_after_joining',
  },
];

type Line = Omit<DemoSavingsMovement, 'receiptNumber' | 'method' | 'type'> &
  Partial<Pick<DemoSavingsMovement, 'method' | 'type'>>;

const mv = (
  cooperativeId: string,
  memberId: string,
  kind: DemoSavingsKind,
  amount: number,
  extra: Partial<Pick<DemoSavingsMovement, 'method' | 'type'>> = {},
): Line => ({ cooperativeId, memberId, kind, amount, ...extra });

/** BS-KA-0001, BS-KA-0002, … and BT-KA-0001 …: numbered per cooperative and per kind of receipt. */
function numbered(lines: Line[]): DemoSavingsMovement[] {
  const counters = new Map<string, number>();
  return lines.map((l) => {
    const type = l.type ?? 'deposit';
    const prefix = `${type === 'deposit' ? 'BS' : 'BT'}-${l.cooperativeId.slice(0, 2).toUpperCase()}`;
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    return {
      ...l,
      type,
      method: l.method ?? 'cash',
      receiptNumber: `${prefix}-${String(next).padStart(4, '0')}`,
    };
  });
}

/** In the order they are recorded (a withdrawal after the deposit it draws on). */
export const DEMO_SAVINGS_MOVEMENTS: DemoSavingsMovement[] = numbered([
  // Karangbesuki: Bu Siti (the anggota demo account) is paid up with sukarela; Pak Suharto a year ahead.
  mv('karangbesuki', 'mbr_kb_siti', 'pokok', 100_000),
  mv('karangbesuki', 'mbr_kb_siti', 'wajib', 30_000),
  mv('karangbesuki', 'mbr_kb_siti', 'sukarela', 250_000, { method: 'transfer' }),
  mv('karangbesuki', 'mbr_kb_siti', 'sukarela', 50_000, { type: 'withdrawal' }),
  mv('karangbesuki', 'mbr_kb_ketua', 'pokok', 100_000),
  mv('karangbesuki', 'mbr_kb_ketua', 'wajib', 120_000, { method: 'transfer' }),
  mv('karangbesuki', 'mbr_kb_kasir', 'pokok', 100_000),
  mv('karangbesuki', 'mbr_kb_kasir', 'wajib', 10_000),
  mv('karangbesuki', 'mbr_kb_sri', 'pokok', 100_000),
  mv('karangbesuki', 'mbr_kb_sri', 'sukarela', 75_000),
  mv('karangbesuki', 'mbr_kb_yanti', 'pokok', 100_000),
  // Dinoyo: Pak Yusuf paid up; Bu Ani only her pokok.
  mv('dinoyo', 'mbr_dn_yusuf', 'pokok', 50_000),
  mv('dinoyo', 'mbr_dn_yusuf', 'wajib', 20_000),
  mv('dinoyo', 'mbr_dn_yusuf', 'sukarela', 40_000),
  mv('dinoyo', 'mbr_dn_ani', 'pokok', 50_000),
  // Bumiayu: wajib starts the month after joining; Bu Painem pays ahead.
  mv('bumiayu', 'mbr_ba_painem', 'pokok', 100_000),
  mv('bumiayu', 'mbr_ba_painem', 'wajib', 30_000),
  mv('bumiayu', 'mbr_ba_wati', 'pokok', 100_000, { method: 'transfer' }),
]);
