import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoAccount } from '@pasar/demo-data';
import { waitFor } from '@pasar/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../lib/accounts';
import { api, type SignedIn, signIn, startTestMarket, type TestMarket } from '../lib/market';
import { launchChromium, type RunningWeb, startWeb } from '../lib/web';

// Issue 11 in Chromium against the production storefront and the five real services: the
// bendahara records a member's simpanan wajib from last year's receipt, the member sees it in
// their account, the year is closed, the SHU draft is computed and approved at the RAT, the RAT
// pack PDF opens, and the member sees their SHU.
//
// Set-up through the APIs (each has its own tests): the ketua registers Bu Warsini from the paper
// registry (joined January last year) and invites her with her member number, she sets a password;
// the AD/ART's SHU allocation; last year's simpanan pokok; last year's income as a manual entry
// proposed by the bendahara and approved by the ketua.
const artifacts = join(import.meta.dirname, '..', 'test-results', 'browser');
const coop = 'karangbesuki';
const lastYear = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() - 1;
const warsini = { name: 'Bu Warsini', phone: '081377770042', password: 'warsini-anggota-2026' };
const rupiah = (n: number) =>
  new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(n);
// SHU of last year = the income entry (no expenses); jasa modal 20 %; Bu Warsini is the only member
// with savings at last year's end (pokok 100.000 + wajib 120.000), so the whole JM pool is hers.
const INCOME = 2_000_000;
const JASA_MODAL = (INCOME * 2_000) / 10_000;

let m: TestMarket;
let web: RunningWeb;
let browser: Browser;
let ketua: SignedIn;
let bendahara: SignedIn;
let memberId: string;

const url = (service: 'membership' | 'ledger', path: string) => `${m.urls[service]}${path}`;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  m = await startTestMarket();
  await seedDemo(m);
  const k = demoAccount('ketua', coop);
  const b = demoAccount('bendahara', coop);
  ketua = await signIn(m, k.phone, k.password);
  bendahara = await signIn(m, b.phone, b.password);

  const registered = await api<any>(url('membership', `/cooperatives/${coop}/members`), {
    headers: ketua.auth('membership'),
    body: { displayName: warsini.name, roles: ['anggota'], joinedOn: `${lastYear}-01-10` },
  });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  memberId = registered.body.memberId;
  const invited = await api<any>(url('membership', `/cooperatives/${coop}/people`), {
    headers: ketua.auth('membership'),
    body: { name: warsini.name, phone: warsini.phone, roles: ['anggota'], memberId },
  });
  expect(invited.status, JSON.stringify(invited.body)).toBe(201);
  const reset = await api(url('membership', '/auth/reset'), {
    body: { phone: warsini.phone, code: invited.body.resetCode, newPassword: warsini.password },
  });
  expect(reset.status).toBe(204);

  const allocation = {
    cadangan: 2_500,
    jasaModal: 2_000,
    jasaUsaha: 3_000,
    danaPengurus: 500,
    danaKaryawan: 500,
    danaPendidikan: 500,
    danaSosial: 500,
    danaPembangunanDaerahKerja: 500,
  };
  const put = await api(url('ledger', `/cooperatives/${coop}/shu/allocation`), {
    method: 'PUT',
    headers: ketua.auth('ledger'),
    body: allocation,
  });
  expect(put.status).toBe(200);

  const pokok = await api<any>(
    url('membership', `/cooperatives/${coop}/members/${memberId}/savings/deposits`),
    {
      headers: bendahara.auth('membership'),
      body: {
        kind: 'pokok',
        amount: 100_000,
        method: 'cash',
        receiptNumber: 'BS-UJI-POKOK',
        receivedAt: `${lastYear}-01-10T09:00:00+07:00`,
      },
    },
  );
  expect(pokok.status, JSON.stringify(pokok.body)).toBe(201);

  const proposed = await api<any>(url('ledger', `/cooperatives/${coop}/manual-entries`), {
    headers: bendahara.auth('ledger'),
    body: {
      memo: `Penjualan tunai ${lastYear} dari buku kas lama`,
      occurredAt: `${lastYear}-06-30T10:00:00+07:00`,
      lines: [
        { account: '1-1100', debit: INCOME, credit: 0 },
        { account: '4-1100', debit: 0, credit: INCOME },
      ],
    },
  });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  const approved = await api(
    url('ledger', `/cooperatives/${coop}/manual-entries/${proposed.body.id}/approve`),
    { headers: ketua.auth('ledger'), body: {} },
  );
  expect(approved.status).toBe(200);

  web = await startWeb(m);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await m?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifacts, `finance-${name}.png`), fullPage: true });

async function signedIn(account: { phone: string; password: string }) {
  const context = await browser.newContext({ locale: 'id-ID' });
  const page = await context.newPage();
  await page.goto(`${web.url}/masuk`);
  await page.getByLabel('Nomor HP').fill(account.phone);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  return { context, page };
}

describe('cooperative finance in the browser', () => {
  it("the bendahara records last year's simpanan wajib for a member from the receipt", async () => {
    const { context, page } = await signedIn(demoAccount('bendahara', coop));
    await page.goto(`${web.url}/kelola/${coop}/simpanan`);
    await page.getByLabel('Nama atau nomor anggota').fill('Warsini');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    // The search result's link: she may also be listed under arrears (tunggakan) on the same page.
    await page.getByTestId('savings-found').getByRole('link', { name: 'Lihat simpanan Bu Warsini' }).click();
    await page.getByRole('heading', { name: 'Simpanan Bu Warsini' }).waitFor();
    const form = page.getByRole('form', { name: 'Catat setoran' });
    await form.getByLabel('Jenis simpanan').selectOption('wajib');
    await form.getByLabel('Jumlah (Rp)').fill('120000');
    await form.getByLabel(/Untuk berapa bulan/).fill('12');
    await form.getByLabel('Cara bayar').selectOption('cash');
    await form.getByLabel('Nomor bukti').fill('BS-UJI-0001');
    await form.getByLabel(/Tanggal terima/).fill(`${lastYear}-12-20`);
    await form.getByRole('button', { name: 'Simpan setoran' }).click();
    await page.getByText(`Setoran simpanan`).first().waitFor();
    expect(await page.getByRole('status').first().textContent()).toContain(rupiah(120_000));
    await shot(page, 'bendahara-records-wajib');
    await context.close();
  });

  it('the member sees the deposit in their account', async () => {
    const { context, page } = await signedIn(warsini);
    await page.goto(`${web.url}/akun/simpanan`);
    await page.getByText('BS-UJI-0001').first().waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(rupiah(120_000));
    expect(text).toContain(rupiah(220_000)); // pokok + wajib
    await shot(page, 'member-savings');
    await context.close();
  });

  it('the year is closed, the SHU draft computed and approved at the RAT, the RAT pack PDF opens', async () => {
    // The ledger books the deposit from membership's event; close the year only once it has.
    await waitFor(
      async () => {
        const tb = await api<any>(
          url('ledger', `/cooperatives/${coop}/reports/trial-balance?year=${lastYear}`),
          { headers: bendahara.auth('ledger') },
        );
        const wajib = tb.body.rows?.find((r: { code: string }) => r.code === '3-1200');
        return wajib?.credit === 120_000;
      },
      { what: "the ledger booked last year's wajib", timeoutMs: 60_000 },
    );
    const { context, page } = await signedIn(demoAccount('bendahara', coop));
    await page.goto(`${web.url}/kelola/${coop}/periode?tahun=${lastYear}`);
    await page.getByRole('button', { name: `Tutup tahun ${lastYear}` }).click();
    await page
      .getByText(/ditutup/)
      .first()
      .waitFor();
    await shot(page, 'year-closed');

    await page.goto(`${web.url}/kelola/${coop}/shu?tahun=${lastYear}`);
    await page.getByRole('button', { name: 'Hitung draf SHU' }).click();
    const members = page.getByRole('table', { name: /SHU per anggota/ });
    await members.waitFor();
    const row = members.getByRole('row', { name: /Bu Warsini/ });
    expect(await row.textContent()).toContain(rupiah(JASA_MODAL));
    expect(await page.locator('main').textContent()).toContain(rupiah(INCOME));

    const approve = page.getByRole('form', { name: 'Catat pengesahan RAT' });
    await approve.getByLabel('Tanggal RAT').fill(`${lastYear + 1}-02-20`);
    await approve.getByRole('button', { name: 'Catat pengesahan RAT' }).click();
    await page.getByText(`Pengesahan RAT untuk SHU tahun ${lastYear}`).waitFor();
    await shot(page, 'shu-approved');

    const href = await page.getByRole('link', { name: 'Unduh paket RAT (PDF)' }).getAttribute('href');
    expect(href).toBeTruthy();
    const pdf = await context.request.get(new URL(href ?? '', web.url).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
    expect((bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(1);
    // Chromium's own viewer opens it: the page loads without an error.
    const viewer = await context.newPage();
    const opened = await viewer.goto(new URL(href ?? '', web.url).toString()).catch((e: Error) => e);
    if (!(opened instanceof Error)) expect(opened?.status()).toBe(200);
    else expect(opened.message).toMatch(/Download is starting/); // served as an attachment
    await context.close();
  });

  it('the member sees their SHU', async () => {
    const { context, page } = await signedIn(warsini);
    await page.goto(`${web.url}/akun/shu`);
    await page.getByText(`Tahun buku ${lastYear}`).first().waitFor();
    expect(await page.locator('main').textContent()).toContain(rupiah(JASA_MODAL));
    await shot(page, 'member-shu');
    await context.close();
  });
});
