import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoAccount } from '@pasar/demo-data';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../lib/accounts';
import { startTestMarket, type TestMarket } from '../lib/market';
import { launchChromium, type RunningWeb, startWeb } from '../lib/web';

// Issue 11's books pages in Chromium against the production storefront and the five real services:
// the bendahara proposes a manual entry (the outlet's electricity), a second pengurus (the ketua)
// approves it, the laba rugi shows it, its CSV and PDF download, a month that has ended is closed
// (and one that has not is refused in words), the pengawas reads everything but may do nothing,
// and dinas sees the cooperative's summed figures.
const artifacts = join(import.meta.dirname, '..', 'test-results', 'browser');
const coop = 'karangbesuki';
const MEMO = 'Listrik gerai (uji browser)';
let m: TestMarket;
let web: RunningWeb;
let browser: Browser;

/** This month and the one before it in WIB (YYYY-MM), as the ledger counts months. */
function months(now = new Date()) {
  const wib = new Date(now.getTime() + 7 * 3_600_000);
  const y = wib.getUTCFullYear();
  const mo = wib.getUTCMonth() + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  const previous = mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`;
  return { current: `${y}-${pad(mo)}`, previous };
}
const monthName = (period: string) =>
  `${new Intl.DateTimeFormat('id-ID', { month: 'long', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  )} ${period.slice(0, 4)}`;
const rupiah = (n: number) =>
  new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(n);

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  m = await startTestMarket();
  await seedDemo(m);
  web = await startWeb(m);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await m?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifacts, `books-${name}.png`), fullPage: true });

const PHONE = { width: 360, height: 740 };

async function signedIn(
  role: 'bendahara' | 'ketua' | 'pengawas' | 'dinas',
  viewport?: { width: number; height: number },
) {
  const account = role === 'dinas' ? demoAccount('dinas') : demoAccount(role, coop);
  const context: BrowserContext = await browser.newContext({
    locale: 'id-ID',
    ...(viewport ? { viewport } : {}),
  });
  const page = await context.newPage();
  await page.goto(`${web.url}/masuk`);
  await page.getByLabel('Nomor HP').fill(account.phone);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  return { context, page };
}

describe('the books in the browser', () => {
  it('the bendahara proposes the electricity bill; an unbalanced one is refused next to the lines', async () => {
    const { context, page } = await signedIn('bendahara');
    await page.goto(`${web.url}/kelola/${coop}/jurnal`);
    await page.getByRole('heading', { name: 'Jurnal manual', level: 1 }).waitFor();
    await page.getByLabel('Keterangan').fill(MEMO);
    await page.getByLabel('Akun baris 1').selectOption('5-2100');
    await page.getByLabel('Debit baris 1').fill('350.000');
    await page.getByLabel('Akun baris 2').selectOption('1-1100');
    await page.getByLabel('Kredit baris 2').fill('300000');
    await page.getByRole('button', { name: 'Usulkan jurnal' }).click();
    await page.getByText(/Jurnal belum seimbang: debit Rp\s350\.000, kredit Rp\s300\.000/).waitFor();
    // What was typed is still there; fix the credit and propose again.
    expect(await page.getByLabel('Keterangan').inputValue()).toBe(MEMO);
    await page.getByLabel('Kredit baris 2').fill('350000');
    await page.getByRole('button', { name: 'Usulkan jurnal' }).click();
    await page.getByText(`Jurnal "${MEMO}" diusulkan.`).waitFor();
    const pending = page.getByTestId('pending-entry').filter({ hasText: MEMO });
    await pending.waitFor();
    // The proposer is told they cannot approve their own entry, and has no button for it.
    await pending.getByTestId('own-entry').waitFor();
    expect(await pending.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    await shot(page, '01-bendahara-proposed');
    await context.close();
  });

  it('a second pengurus (the ketua) approves it', async () => {
    const { context, page } = await signedIn('ketua');
    await page.goto(`${web.url}/kelola/${coop}/jurnal`);
    const pending = page.getByTestId('pending-entry').filter({ hasText: MEMO });
    await pending.getByRole('button', { name: 'Setujui' }).click();
    await page.getByText('Jurnal disetujui dan dibukukan.').waitFor();
    const decided = page.getByTestId('decided-entries');
    expect(await decided.getByRole('row').filter({ hasText: MEMO }).textContent()).toContain(
      'Disetujui, dibukukan',
    );
    await shot(page, '02-ketua-approved');
    await context.close();
  });

  it('the laba rugi shows the expense; its CSV and PDF download with the right types', async () => {
    const { context, page } = await signedIn('bendahara');
    await page.goto(`${web.url}/kelola/${coop}/buku/laba-rugi`);
    await page.getByRole('heading', { name: 'Laba rugi (SHU)', level: 1 }).waitFor();
    const expenses = page.getByTestId('expenses');
    const row = expenses.getByRole('row').filter({ hasText: 'Beban listrik dan air' });
    expect(await row.textContent()).toContain(rupiah(350_000));
    await shot(page, '03-laba-rugi');

    const csvHref = await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href');
    const pdfHref = await page.getByRole('link', { name: 'Unduh PDF' }).getAttribute('href');
    const csv = await page.request.get(`${web.url}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers()['content-disposition']).toMatch(/^attachment/);
    expect(await csv.text()).toContain('5-2100');
    const pdf = await page.request.get(`${web.url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The overview draws the month and lists the same figure in its table.
    await page.goto(`${web.url}/kelola/${coop}/buku`);
    await page.locator('svg.chart').waitFor();
    expect(await page.getByTestId('year-totals').textContent()).toContain(rupiah(350_000));
    await shot(page, '04-overview');
    await context.close();
  });

  it('the bendahara closes a month that has ended; one that has not is refused in words', async () => {
    const { previous, current } = months();
    const { context, page } = await signedIn('bendahara');
    await page.goto(`${web.url}/kelola/${coop}/periode?tahun=${previous.slice(0, 4)}`);
    await page.getByRole('heading', { name: 'Tutup buku', level: 1 }).waitFor();
    await page.getByRole('button', { name: `Tutup ${monthName(previous)}` }).click();
    await page.getByText(`${monthName(previous)} ditutup.`).waitFor();
    const row = page.locator(`[data-testid="period-row"][data-period="${previous}"]`);
    expect(await row.textContent()).toContain('Ditutup');
    await shot(page, '05-month-closed');

    // This month offers no button; a post for it anyway is refused by the ledger, said plainly.
    await page.goto(`${web.url}/kelola/${coop}/periode?tahun=${current.slice(0, 4)}`);
    const now = page.locator(`[data-testid="period-row"][data-period="${current}"]`);
    expect(await now.getByRole('button').count()).toBe(0);
    const refused = await page.request.post(
      `${web.url}/kelola/${coop}/periode?tahun=${current.slice(0, 4)}`,
      {
        form: { intent: 'close', period: current },
        headers: { Origin: web.url },
      },
    );
    expect(refused.status()).toBe(409);
    expect(await refused.text()).toContain(
      `${monthName(current)} belum berakhir: hanya periode yang sudah lewat yang bisa ditutup.`,
    );
    await context.close();
  });

  it('the pengawas reads the reports but sees no action buttons', async () => {
    const { context, page } = await signedIn('pengawas');
    await page.goto(`${web.url}/kelola/${coop}`);
    const nav = page.getByRole('navigation', { name: /Menu kelola/ });
    for (const section of ['Buku & laporan', 'Jurnal manual', 'Tutup buku'])
      expect(await nav.getByRole('link', { name: section }).count()).toBe(1);

    await page.goto(`${web.url}/kelola/${coop}/buku/laba-rugi`);
    const row = page.getByTestId('expenses').getByRole('row').filter({ hasText: 'Beban listrik dan air' });
    expect(await row.textContent()).toContain(rupiah(350_000));
    expect(await page.getByRole('link', { name: 'Unduh PDF' }).count()).toBe(1);

    await page.goto(`${web.url}/kelola/${coop}/jurnal`);
    await page.getByTestId('decided-entries').getByText(MEMO).waitFor();
    await page.getByText('Jurnal manual diusulkan oleh bendahara.').waitFor();
    for (const name of ['Usulkan jurnal', 'Setujui', 'Tolak'])
      expect(await page.getByRole('button', { name }).count()).toBe(0);

    await page.getByTestId('decided-entries').getByRole('link', { name: MEMO }).click();
    await page.getByRole('heading', { name: MEMO, level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Balik jurnal ini' }).count()).toBe(0);

    await page.goto(`${web.url}/kelola/${coop}/periode`);
    await page.getByTestId('periods').waitFor();
    expect(await page.getByTestId('periods').getByRole('button').count()).toBe(0);
    await page.getByText('Periode ditutup oleh bendahara.').waitFor();
    await shot(page, '06-pengawas-periods');
    await context.close();
  });

  it('dinas sees the cooperative among the summed figures; a pengurus does not get the page', async () => {
    const { context, page } = await signedIn('dinas');
    await page.goto(`${web.url}/dinas`);
    await page.getByRole('heading', { name: /Ringkasan koperasi/, level: 1 }).waitFor();
    const table = page.getByTestId('dinas-cooperatives');
    expect(
      await table
        .getByRole('row')
        .filter({ hasText: /Karangbesuki/i })
        .count(),
    ).toBe(1);
    await shot(page, '07-dinas');
    await context.close();

    const ketua = await signedIn('ketua');
    const res = await ketua.page.goto(`${web.url}/dinas`);
    expect(res?.status()).toBe(404);
    await ketua.context.close();
  });

  it('fits a 360 px phone and speaks English after the switch', async () => {
    const { context, page } = await signedIn('bendahara', PHONE);
    for (const path of ['jurnal', 'buku', 'buku/laba-rugi', 'buku/jurnal-umum', 'buku/neraca', 'periode']) {
      await page.goto(`${web.url}/kelola/${coop}/${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width, path).toBeLessThanOrEqual(PHONE.width);
    }
    await shot(page, '08-phone-periods');
    await page.goto(`${web.url}/kelola/${coop}/jurnal`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Manual entries', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Propose entry' }).waitFor();
    await page.goto(`${web.url}/kelola/${coop}/buku/laba-rugi`);
    const row = page.getByTestId('expenses').getByRole('row').filter({ hasText: 'Electricity and water' });
    expect(await row.textContent()).toContain(rupiah(350_000));
    await context.close();
  });
});
