import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoAccount } from '@pasar/demo-data';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrderAndCart, seedDemo } from '../lib/accounts';
import { api, signIn, startTestMarket, type TestMarket } from '../lib/market';
import { type RunningWeb, startWeb, launchChromium } from '../lib/web';

// Issue 6 in Chromium against the production storefront and the four real services: a ketua signs
// in and invites a kasir; the kasir sets a password with the one-time code, signs in and sees only
// the kasir's pages of that cooperative; a signed-in shopper finds their order in "Pesanan saya".
const artifacts = join(import.meta.dirname, '..', 'test-results', 'browser');
const coop = 'karangbesuki';
const kasirPhone = '0812 7788 6655';
const kasirPassword = 'kasir-baru-karbes-2026';
let m: TestMarket;
let web: RunningWeb;
let browser: Browser;

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
  page.screenshot({ path: join(artifacts, `staff-${name}.png`), fullPage: true });

async function signInPage(context: BrowserContext, phone: string, password: string) {
  const page = await context.newPage();
  await page.goto(`${web.url}/masuk`);
  await page.getByLabel('Nomor HP').fill(phone);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  return page;
}

describe('staff accounts in the browser', () => {
  let resetCode: string;

  it('a ketua signs in and invites a kasir, who gets a one-time code', async () => {
    const ketua = demoAccount('ketua', coop);
    const context = await browser.newContext();
    const page = await signInPage(context, ketua.phone, ketua.password);
    await page.goto(`${web.url}/kelola/${coop}/anggota`);
    await page.getByRole('heading', { name: 'Anggota & peran', level: 1 }).waitFor();
    await page.getByLabel('Nama lengkap').fill('Mbak Rina (Kasir baru)');
    await page.getByLabel('Nomor HP').fill(kasirPhone);
    await page.locator('#invite-role').selectOption('kasir');
    await page.getByRole('button', { name: 'Undang' }).click();
    const code = page.getByTestId('reset-code');
    await code.waitFor();
    resetCode = ((await code.textContent()) ?? '').trim();
    expect(resetCode.length).toBeGreaterThanOrEqual(6);
    await shot(page, '01-ketua-invited-kasir');
    await context.close();
  });

  it('the kasir sets a password with the code, signs in and sees only the kasir pages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${web.url}/atur-sandi`);
    await page.getByLabel('Nomor HP').fill(kasirPhone);
    await page.getByLabel('Kode dari pengurus').fill(resetCode);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(kasirPassword);
    await page.getByLabel('Ulangi kata sandi baru').fill(kasirPassword);
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.waitForURL(/\/masuk/);

    const staff = await signInPage(context, kasirPhone, kasirPassword);
    await staff.goto(`${web.url}/kelola/${coop}`);
    const nav = staff.getByRole('navigation', { name: /Menu kelola/ });
    await nav.waitFor();
    await expect(nav.getByRole('link', { name: 'Pesanan' }).count()).resolves.toBe(1);
    for (const hidden of ['Produk', 'Anggota & peran', 'Jejak audit'])
      await expect(nav.getByRole('link', { name: hidden }).count()).resolves.toBe(0);
    await shot(staff, '02-kasir-shell');

    await staff.goto(`${web.url}/kelola/${coop}/pesanan`);
    await staff.getByRole('heading', { name: 'Pesanan', level: 1 }).waitFor();
    // Pages of other roles and of another cooperative are not there for the kasir.
    const members = await staff.goto(`${web.url}/kelola/${coop}/anggota`);
    expect(members?.status()).toBeGreaterThanOrEqual(403);
    const audit = await staff.goto(`${web.url}/kelola/${coop}/audit`);
    expect(audit?.status()).toBeGreaterThanOrEqual(403);
    const other = await staff.goto(`${web.url}/kelola/dinoyo`);
    expect(other?.status()).toBe(404);
    await context.close();
  });

  it('a signed-in shopper sees their order under "Pesanan saya"', async () => {
    const shopper = demoAccount('pembeli');
    // The order is placed with the shopper's own token, so orders records it as theirs.
    const tokens = await signIn(m, shopper.phone, shopper.password);
    const products = (await api<any>(`${m.urls.catalog}/cooperatives/${coop}/products?limit=1`)).body.items;
    const { orderId } = await demoOrderAndCart(m, coop, products[0].id, tokens.auth('orders'));

    const context = await browser.newContext();
    const page = await signInPage(context, shopper.phone, shopper.password);
    await page.getByRole('navigation', { name: /^Akun/ }).getByRole('link', { name: 'Pesanan saya' }).click();
    await page.getByRole('heading', { name: 'Pesanan saya', level: 1 }).waitFor();
    const mine = page.getByTestId('my-order');
    await mine.first().waitFor();
    expect(await mine.count()).toBe(1);
    expect(await mine.first().textContent()).toContain(orderId);
    await shot(page, '03-pesanan-saya');
    await context.close();
  });
});
