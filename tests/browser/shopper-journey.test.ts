import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToCart,
  createProduct,
  newCart,
  registerCooperative,
  startTestMarket,
  type TestMarket,
} from '../lib/market';
import { type RunningWeb, startWeb, launchChromium } from '../lib/web';

// The shopper's journey in Debian's Chromium against the production storefront build and the four
// real services: market → search → product → cart → checkout (pickup, cash) → confirmed with a code.
const artifacts = join(import.meta.dirname, '..', 'test-results', 'browser');
let m: TestMarket;
let web: RunningWeb;
let browser: Browser;
const coop = `web${Date.now().toString(36)}`;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  m = await startTestMarket();
  await registerCooperative(m, coop, { marketName: 'Karbes Market Uji' });
  const keripik = await createProduct(m, coop, {
    name: 'Keripik Tempe Bu Sri 250 g',
    price: 15_000,
    stock: 12,
  });
  await createProduct(m, coop, {
    name: 'Beras Premium Bengawan 5 kg',
    price: 78_000,
    stock: 20,
    category: 'sembako',
  });
  await createProduct(m, coop, {
    name: 'LPG 3 kg (isi ulang)',
    price: 18_000,
    stock: 40,
    maxPerOrder: 1,
    category: 'lpg',
    unit: 'tabung',
  });
  await addToCart(m, await newCart(m, coop), keripik.id, 1); // waits until orders knows the products
  web = await startWeb(m);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await m?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

async function checkout(page: Page, prefix: string) {
  await page.goto(`${web.url}/k/${coop}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await shot(page, `${prefix}-01-market`);

  await page.getByRole('searchbox').first().fill('keripik');
  await page.getByRole('button', { name: 'Cari' }).first().click();
  await page.waitForURL(/\/cari\?/);
  // Within the search page's results: after a client-side navigation the URL changes before the
  // new page renders, and the market page before it lists the keripik too (with the other two).
  const results = page.locator('section[aria-labelledby="results-title"]');
  const card = results.getByTestId('product-card').filter({ hasText: 'Keripik Tempe Bu Sri' });
  await card.waitFor();
  expect(await results.getByTestId('product-card').count()).toBe(1); // "keripik" finds only the keripik
  await shot(page, `${prefix}-02-search`);

  await card.getByRole('link').first().click();
  await page.waitForURL(/\/produk\//);
  expect(await page.textContent('body')).toContain('Rp');
  await shot(page, `${prefix}-03-product`);

  await page.getByLabel('Jumlah').fill('2');
  await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
  await page
    .getByText(/sudah masuk keranjang/)
    .first()
    .waitFor(); // the add is done (JS: fetcher; no JS: redirect)
  await page.getByTestId('cart-link').first().click();
  await page.waitForURL(/\/keranjang/);
  await page.getByTestId('cart-line').filter({ hasText: 'Keripik Tempe' }).waitFor();
  expect(await page.getByTestId('cart-subtotal').textContent()).toMatch(/Rp\s?30\.000/);
  await shot(page, `${prefix}-04-cart`);

  await page.getByRole('link', { name: 'Lanjut ke checkout' }).click();
  await page.waitForURL(/\/checkout/);
  await page.getByLabel('Nama', { exact: true }).fill('Budi Santoso');
  await page.getByLabel('Nomor HP').fill('0812 3456 7890');
  await page.getByLabel(/Ambil di gerai/).check();
  await page.getByLabel(/Bayar di tempat/).check();
  await shot(page, `${prefix}-05-checkout`);
  await page.getByRole('button', { name: 'Buat pesanan' }).click();

  await page.waitForURL(/\/pesanan\//);
  await page.getByTestId('order-status').filter({ hasText: 'Dikonfirmasi' }).waitFor({ timeout: 30_000 });
  const code = (await page.getByTestId('pickup-code').locator('.pickup-code-value').textContent())?.trim();
  await shot(page, `${prefix}-06-order-confirmed`);
  return code;
}

describe('shopper journey in Chromium', () => {
  it('searches, adds to cart, checks out for pickup with cash and sees the order confirmed with a pickup code', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'id-ID' });
    const code = await checkout(page, 'js');
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await page.close();
  });

  it('does the same with JavaScript turned off', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    const code = await checkout(page, 'nojs');
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await context.close();
  });
});
