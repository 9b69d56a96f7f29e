import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { labelOf, translator } from '~/utils/i18n';
import { formatRupiah } from '~/utils/money';

/**
 * The savings pages rendered to HTML as the server sends them (no JavaScript needed): the Remix hooks
 * are stood in for with the loader data a page gets; the language is Bahasa Indonesia.
 */
const page: { data: unknown; action: unknown } = { data: null, action: undefined };
vi.mock('@remix-run/react', () => ({
  Form: ({ children, method, ...rest }: { children: ReactNode; method?: string }) => (
    <form method={method} {...rest}>
      {children}
    </form>
  ),
  Link: ({ to, children, ...rest }: { to: string; children: ReactNode }) => (
    <a href={to} {...rest}>
      {children}
    </a>
  ),
  useLoaderData: () => page.data,
  useActionData: () => page.action,
  useRouteLoaderData: () => undefined,
}));
vi.mock('~/utils/use-i18n', () => ({
  useI18n: () => ({ lang: 'id', t: translator('id'), label: (p: string, v: string) => labelOf('id', p, v) }),
}));
vi.mock('~/utils/use-staff', () => ({
  useStaff: () => ({ cooperative: { slug: 'karangbesuki', marketName: 'Karbes Market', name: 'Koperasi' } }),
}));

const { default: StaffSavingsPage } = await import('./route');
const { default: MySavingsPage } = await import('../akun.simpanan/route');

const savings = {
  cooperativeId: 'karangbesuki',
  memberId: 'mbr_kb_siti',
  displayName: 'Bu Siti',
  joinedAt: '2026-01-10T02:00:00.000Z',
  balances: { pokok: 100_000, wajib: 15_000, sukarela: 25_000, total: 140_000 },
  pokok: { amount: 100_000, paid: true, due: 0 },
  arrears: {
    monthsDue: 3,
    amountDue: 30_000,
    paid: 15_000,
    arrearsAmount: 15_000,
    monthsInArrears: 2,
    monthsInAdvance: 0,
    paidThrough: '2026-01',
    partial: 5_000,
    firstDueMonth: '2026-01',
    monthlyNow: 10_000,
    asOf: '2026-03-02T08:00:00.000Z',
  },
  history: {
    items: [
      {
        movementId: 'svm_2',
        seq: 2,
        type: 'withdrawal',
        kind: 'sukarela',
        amount: 5_000,
        method: 'cash',
        receiptNumber: 'BT-7',
        source: 'counter',
        receivedAt: '2026-03-02T08:00:00.000Z',
        recordedAt: '2026-03-02T08:00:00.000Z',
        recordedBy: 'per_kb_kasir',
        covers: null,
        shu: null,
        balanceAfter: 25_000,
      },
      {
        movementId: 'svm_1',
        seq: 1,
        type: 'deposit',
        kind: 'wajib',
        amount: 15_000,
        method: 'transfer',
        receiptNumber: 'BS-3',
        source: 'counter',
        receivedAt: '2026-02-01T03:00:00.000Z',
        recordedAt: '2026-02-01T03:00:00.000Z',
        recordedBy: 'per_kb_kasir',
        covers: { from: '2026-01', to: '2026-01', months: 1 },
        shu: null,
        balanceAfter: 15_000,
      },
    ],
    nextBefore: 1,
  },
};
const staffData = (over: Record<string, unknown> = {}) => ({
  settings: {
    cooperativeId: 'karangbesuki',
    pokokAmount: 100_000,
    wajibRates: [{ from: '2025-01', amount: 10_000 }],
    firstDue: 'joining_month',
    wajibNow: 10_000,
    isDefault: false,
    updatedAt: null,
    updatedBy: null,
  },
  arrears: {
    cooperativeId: 'karangbesuki',
    asOf: '2026-03-02T08:00:00.000Z',
    items: [
      {
        memberId: 'mbr_kb_budi',
        displayName: 'Pak Budi',
        joinedAt: '2025-12-20T03:00:00.000Z',
        balances: { pokok: 0, wajib: 0, sukarela: 0, total: 0 },
        monthsDue: 4,
        monthsInArrears: 4,
        arrearsAmount: 40_000,
        paidThrough: null,
        pokokDue: 100_000,
        owed: 140_000,
      },
    ],
    total: 1,
    offset: 0,
    limit: 20,
    nextOffset: null,
    totals: { members: 3, inArrears: 1, arrearsAmount: 40_000, pokokDue: 100_000, owed: 140_000 },
  },
  q: '',
  found: null,
  memberId: 'mbr_kb_siti',
  savings,
  before: null,
  canRecord: true,
  canSetRules: false,
  today: '2026-03-02',
  notice: null,
  ...over,
});
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/[ \t\n\r]+/g, ' ');

describe('/kelola/:slug/simpanan as HTML', () => {
  it('shows the arrears with totals, the member with balances, history and both counter forms', () => {
    page.data = staffData();
    page.action = undefined;
    const html = renderToStaticMarkup(<StaffSavingsPage />);
    const words = text(html);
    expect(words).toContain('Simpanan anggota');
    expect(words).toContain('1 dari 3 anggota menunggak');
    expect(words).toContain(`Pak Budi`);
    expect(words).toContain(formatRupiah(140_000));
    expect(words).toContain('Simpanan Bu Siti');
    expect(words).toContain('Lunas sampai Januari 2026');
    expect(words).toContain('Bukti BT-7');
    expect(words).toContain('untuk Januari 2026 – Januari 2026 (1 bulan)');
    expect(html).toContain(
      'href="/kelola/karangbesuki/simpanan?anggota=mbr_kb_siti&amp;sebelum=1#savings-title"',
    );
    // Both forms post to the page itself (Remix actions: no JavaScript needed).
    expect(html.match(/<form method="post"/g)).toHaveLength(2);
    expect(html).toContain('name="intent" value="deposit"');
    expect(html).toContain('name="intent" value="withdrawal"');
    expect(html).not.toContain('value="settings"');
  });

  it('puts a refusal next to its field, with the typed values kept', () => {
    page.data = staffData();
    page.action = {
      intent: 'withdrawal',
      target: 'mbr_kb_siti',
      values: { amount: '30000', receiptNumber: 'BT-8', method: 'cash' },
      errors: { amount: { key: 'savings.errors.insufficient', vars: { balance: formatRupiah(25_000) } } },
    };
    const html = renderToStaticMarkup(<StaffSavingsPage />);
    expect(html).toContain(`Saldo simpanan sukarela hanya ${formatRupiah(25_000)}.`);
    expect(html).toMatch(/id="withdrawal-amount"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="withdrawal-amount"[^>]*value="30000"/);
    expect(html).not.toMatch(/id="deposit-amount"[^>]*aria-invalid/);
  });

  it('shows the pengawas no counter and the ketua the rules form', () => {
    page.action = undefined;
    page.data = staffData({ canRecord: false });
    const pengawas = renderToStaticMarkup(<StaffSavingsPage />);
    expect(pengawas).not.toContain('<form method="post"');
    expect(text(pengawas)).toContain('Hanya bendahara atau kasir yang mencatat');
    page.data = staffData({ canRecord: false, canSetRules: true, memberId: null, savings: null });
    const ketua = renderToStaticMarkup(<StaffSavingsPage />);
    expect(ketua).toContain('name="intent" value="settings"');
    expect(ketua).toMatch(/name="rateFrom-0"[^>]*value="2025-01"/);
  });
});

describe('/akun/simpanan as HTML', () => {
  it('shows each cooperative’s savings, or says the account is not linked', () => {
    page.data = {
      cooperatives: [
        { cooperativeId: 'karangbesuki', market: 'Karbes Market', savings, paged: null },
        { cooperativeId: 'dinoyo', market: 'Pasar Dinoyo Mart', savings: null, paged: null },
      ],
    };
    const words = text(renderToStaticMarkup(<MySavingsPage />));
    expect(words).toContain('Simpanan di Karbes Market');
    expect(words).toContain(`Jumlah simpanan ${formatRupiah(140_000)}`);
    expect(words).toContain(`Tunggakan wajib ${formatRupiah(15_000)}`);
    expect(words).toContain('Akun Anda belum tertaut ke data anggota Pasar Dinoyo Mart');
  });
});
