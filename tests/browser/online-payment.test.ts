import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@pasar/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addToCart,
  createProduct,
  newCart,
  registerCooperative,
  startTestMarket,
  type TestMarket,
} from '../lib/market';
import { sandbox } from '../lib/payments';
import { type RunningWeb, startWeb, launchChromium } from '../lib/web';

// A shopper pays with QRIS in Chromium: storefront checkout → the sandbox's hosted Snap page →
// back on the order page, which turns "Sudah dibayar" by itself when the payment lands.
const artifacts = join(import.meta.dirname, '..', 'test-results', 'browser');
const NOTIFICATION_DELAY_MS = 3_000;
let m: TestMarket;
let web: RunningWeb;
let browser: Browser;
const coop = `qr${Date.now().toString(36)}`;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  const webPort = await freePort();
  m = await startTestMarket({ payments: { STOREFRONT_URL: `http://127.0.0.1:${webPort}` } });
  await registerCooperative(m, coop, { marketName: 'Pasar QRIS Uji' });
  const keripik = await createProduct(m, coop, {
    name: 'Keripik Tempe Bu Sri 250 g',
    price: 15_000,
    stock: 12,
  });
  await addToCart(m, await newCart(m, coop), keripik.id, 1); // waits until orders knows the product
  web = await startWeb(m, { port: webPort });
  browser = await launchChromium();
  // Midtrans' notification comes a little after the shopper is back: the page must catch up live.
  await sandbox('/config', { delayMs: NOTIFICATION_DELAY_MS });
});

afterAll(async () => {
  await sandbox('/config', { delayMs: 0 }).catch(() => undefined);
  await browser?.close();
  await web?.stop();
  await m?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifacts, `qris-${name}.png`), fullPage: true });

it('pays an order with QRIS on the hosted page and sees it paid live on the order page', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'id-ID' });
  await page.goto(`${web.url}/k/${coop}`);
  await page
    .getByTestId('product-card')
    .filter({ hasText: 'Keripik Tempe' })
    .getByRole('link')
    .first()
    .click();
  await page.waitForURL(/\/produk\//);
  await page.getByLabel('Jumlah').fill('2');
  await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
  await page
    .getByText(/sudah masuk keranjang/)
    .first()
    .waitFor();
  await page.getByTestId('cart-link').first().click();
  await page.waitForURL(/\/keranjang/);
  await page.getByRole('link', { name: 'Lanjut ke checkout' }).click();
  await page.waitForURL(/\/checkout/);
  await page.getByLabel('Nama', { exact: true }).fill('Budi Santoso');
  await page.getByLabel('Nomor HP').fill('0812 3456 7890');
  await page.getByLabel(/Ambil di gerai/).check();
  await page.locator('#payment-qris').check();
  await shot(page, '01-checkout');
  await page.getByRole('button', { name: 'Buat pesanan' }).click();

  // The sandbox's Snap page (another origin), for Rp 30.000.
  await page.waitForURL(/\/snap\/v4\/redirection\//, { timeout: 30_000 });
  expect(new URL(page.url()).origin).not.toBe(web.url);
  await page.getByTestId('method-qris').click();
  await page.getByTestId('qr').waitFor();
  await shot(page, '02-snap-qris');
  await page.getByTestId('pay').click();

  // Back through /pesanan/<orderId> onto the order page, still waiting for the notification.
  await page.waitForURL(new RegExp(`/k/${coop}/pesanan/ord_`), { timeout: 30_000 });
  const orderUrl = page.url();
  const status = page.getByTestId('order-status');
  await expect.poll(() => status.textContent()).toMatch(/Menunggu pembayaran/);
  await shot(page, '03-awaiting');
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++;
  });

  await status.filter({ hasText: 'Sudah dibayar' }).waitFor({ timeout: 30_000 });

  await shot(page, '04-paid');
  expect(navigations).toBe(0); // the live stream updated the page; nothing reloaded it
  expect(page.url()).toBe(orderUrl);
  await page.close();
});
