import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoAccount } from '@pasar/demo-data';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../lib/accounts';
import { addToCart, api, newCart, startTestMarket, type TestMarket } from '../lib/market';
import { type RunningWeb, startWeb, launchChromium } from '../lib/web';

// Issue 9 in Chromium against the production storefront and the four real services: a shopper
// orders for pickup with cash; the gudang packs it and marks it ready (on a 360 px phone); the
// shopper's page turns "Siap diambil" by itself; the kasir types the pickup code and the cash
// with the keyboard and completes it; the nota PDF opens for the shopper.
const artifacts = join(import.meta.dirname, '..', 'test-results', 'browser');
const coop = 'karangbesuki';
const PHONE = { width: 360, height: 740 };
let m: TestMarket;
let web: RunningWeb;
let browser: Browser;
let product: { id: string; name: string; price: number };

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  m = await startTestMarket();
  await seedDemo(m);
  const items = (
    await api<any>(`${m.urls.catalog}/cooperatives/${coop}/products?limit=50`)
  ).body.items.filter(
    (p: any) => p.inStock && p.stock.available > 2 && (p.maxPerOrder ?? 99) >= 2 && !p.buyerLimit,
  );
  product = items[0];
  expect(product, 'a demo product with stock').toBeTruthy();
  await addToCart(m, await newCart(m, coop), product.id, 1); // waits until orders knows the product
  web = await startWeb(m);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await m?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(artifacts, `fulfilment-${name}.png`), fullPage: true });

/** A staff member signed in through /masuk in their own phone-sized browser. */
async function staffPage(role: 'gudang' | 'kasir'): Promise<{ context: BrowserContext; page: Page }> {
  const account = demoAccount(role, coop);
  const context = await browser.newContext({ viewport: PHONE, locale: 'id-ID', hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${web.url}/masuk`);
  await page.getByLabel('Nomor HP').fill(account.phone);
  await page.getByLabel('Kata sandi').fill(account.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  return { context, page };
}

/** Nothing on a staff page is wider than the 360 px phone (no sideways scrolling). */
async function fitsThePhone(page: Page) {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

const rupiah = (n: number) => `Rp${'\u00a0'}${n.toLocaleString('id-ID')}`;

describe('fulfilling a pickup order in the browser', () => {
  let shopper: BrowserContext;
  let shopperPage: Page;
  let orderUrl: string;
  let orderId: string;
  let pickupCode: string;
  let total: number;

  it('a shopper orders for pickup and pays at the outlet in cash', async () => {
    shopper = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID' });
    const page = await shopper.newPage();
    shopperPage = page;
    await page.goto(`${web.url}/k/${coop}/produk/${product.id}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
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
    await page.getByLabel(/Bayar di tempat/).check();
    await shot(page, '01-shopper-checkout');
    await page.getByRole('button', { name: 'Buat pesanan' }).click();

    await page.waitForURL(new RegExp(`/k/${coop}/pesanan/ord_`));
    orderUrl = page.url();
    orderId = new URL(orderUrl).pathname.split('/').pop() ?? '';
    await page.getByTestId('order-status').filter({ hasText: 'Dikonfirmasi' }).waitFor({ timeout: 30_000 });
    pickupCode = (
      (await page.getByTestId('pickup-code').locator('.pickup-code-value').textContent()) ?? ''
    ).trim();
    expect(pickupCode).toMatch(/^[A-Z0-9]{6}$/);
    total = 2 * product.price;
    await shot(page, '02-shopper-confirmed');
  });

  it('the gudang packs it and marks it ready on a 360 px phone', async () => {
    const { context, page } = await staffPage('gudang');
    await page.goto(`${web.url}/kelola/${coop}/pesanan`);
    await page.getByRole('heading', { name: 'Antrean pesanan', level: 1 }).waitFor();
    await fitsThePhone(page);
    await shot(page, '03-gudang-queue');
    // Open it from the full list (a table that scrolls inside itself on the phone).
    await page.getByRole('link', { name: 'Semua pesanan (daftar lengkap)' }).click();
    await page.waitForURL(/\/pesanan\/semua/);
    const row = page.getByTestId('staff-order').filter({ hasText: 'Budi Santoso' });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    await fitsThePhone(page);
    await shot(page, '04-gudang-all-orders');
    await row.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/kelola/${coop}/pesanan/${orderId}$`));
    const status = page.getByTestId('order-status');
    await status.filter({ hasText: 'Dikonfirmasi' }).waitFor();
    // The gudang hands nothing over: no "Selesaikan" for them on a pickup order.
    expect(await page.getByRole('button', { name: 'Selesaikan', exact: true }).count()).toBe(0);
    await fitsThePhone(page);
    await shot(page, '05-gudang-order');

    await page.getByRole('button', { name: 'Kemas', exact: true }).click();
    await status.filter({ hasText: 'Sedang dikemas' }).waitFor();
    await page
      .getByText(/ditandai sedang dikemas/)
      .first()
      .waitFor();
    await shot(page, '06-gudang-packed');

    await page.getByRole('button', { name: 'Siap diambil', exact: true }).click();
    await status.filter({ hasText: 'Siap diambil' }).waitFor();
    await page
      .getByText(/siap diambil\. Pembeli sudah diberi tahu/)
      .first()
      .waitFor();
    await fitsThePhone(page);
    await shot(page, '07-gudang-ready');

    // The queue now holds it under "Siap diambil".
    await page.getByRole('link', { name: 'Kembali ke daftar pesanan' }).first().click();
    await page.getByRole('heading', { name: 'Antrean pesanan', level: 1 }).waitFor();
    const ready = page.locator('#kolom-readyForPickup').getByTestId('queue-order');
    await ready.filter({ has: page.locator(`a[href$="/${orderId}"]`) }).waitFor();
    expect(await ready.count()).toBe(1);
    await fitsThePhone(page);
    await shot(page, '08-gudang-queue-ready');
    await context.close();
  });

  it('the shopper’s page shows "Siap diambil" live with the pickup code', async () => {
    const page = shopperPage;
    await page.getByTestId('order-status').filter({ hasText: 'Siap diambil' }).waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(orderUrl);
    await page.getByText('Pesanan siap diambil di gerai').first().waitFor();
    const code = page.getByTestId('pickup-code');
    expect(await code.getAttribute('class')).toContain('pickup-code-ready');
    expect((await code.locator('.pickup-code-value').textContent())?.trim()).toBe(pickupCode);
    await shot(page, '09-shopper-ready');
  });

  it('the kasir types the pickup code and the cash with the keyboard and completes it', async () => {
    const { context, page } = await staffPage('kasir');
    await page.goto(`${web.url}/kelola/${coop}/pesanan/${orderId}`);
    const status = page.getByTestId('order-status');
    await status.filter({ hasText: 'Siap diambil' }).waitFor();
    await fitsThePhone(page);

    // With the keyboard only: focus the code field, type, Tab to the cash, type, Enter submits.
    await page.getByLabel('Kode pengambilan dari pembeli').focus();
    await page.keyboard.type(pickupCode);
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate<string | null>("document.activeElement?.getAttribute('name') ?? null"))
      .toBe('cashReceived');
    await page.keyboard.type(String(total + 5_000));
    // The change is worked out as it is typed: Rp 5.000 over the total.
    await expect.poll(() => page.getByTestId('change').textContent()).toContain(rupiah(5_000));
    await fitsThePhone(page);
    await shot(page, '10-kasir-code-and-cash');
    await page.keyboard.press('Enter');

    // Either the order is completed or the page says why not (fail fast, with the page's words).
    await page
      .locator(
        '[data-testid="order-status"]:has-text("Selesai"), h1:has-text("Tidak ditemukan"), .field-error',
      )
      .first()
      .waitFor();
    await shot(page, '11-kasir-after-submit');
    expect(await page.locator('main').textContent()).not.toMatch(/Tidak ditemukan|Kode pengambilan salah/);
    await status.filter({ hasText: 'Selesai' }).waitFor();
    await page
      .getByText(/selesai\./)
      .first()
      .waitFor();
    const facts = (await page.locator('dl.facts').first().textContent()) ?? '';
    expect(facts).toContain(rupiah(total + 5_000));
    expect(facts).toContain(rupiah(5_000));
    await page.getByRole('link', { name: 'Cetak nota' }).waitFor();
    await fitsThePhone(page);
    await shot(page, '12-kasir-completed');
    await context.close();
  });

  it('the shopper sees it completed and the nota opens, as a page and as a PDF', async () => {
    const page = shopperPage;
    await page.getByTestId('order-status').filter({ hasText: 'Selesai' }).waitFor({ timeout: 30_000 });
    await page.getByText('Pesanan selesai. Terima kasih!').first().waitFor();
    // The nota links come with the nota number; the live page may only get them on reload.
    const print = page.getByRole('link', { name: 'Cetak nota' });
    if ((await print.count()) === 0) await page.reload();
    await print.waitFor();
    await shot(page, '13-shopper-completed');

    const pdfHref = await page.getByRole('link', { name: 'Unduh nota (PDF)' }).getAttribute('href');
    expect(pdfHref).toBe(`/k/${coop}/pesanan/${orderId}/nota.pdf`);
    const pdf = await page.request.get(`${web.url}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    const body = await pdf.body();
    expect(body.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(body.length).toBeGreaterThan(500);
    // Another browser without the order's token gets no nota.
    const stranger = await browser.newContext();
    const denied = await stranger.request.get(`${web.url}${pdfHref}`, { maxRedirects: 0 });
    expect(denied.headers()['content-type'] ?? '').not.toContain('application/pdf');
    await stranger.close();

    await print.click();
    await page.waitForURL(new RegExp(`/k/${coop}/pesanan/${orderId}/nota$`));
    await page.getByText(rupiah(total)).first().waitFor();
    await shot(page, '14-shopper-nota');
    await shopper.close();
  });
});
