import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoAccount } from '@pasar/demo-data';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../lib/accounts';
import { addToCart, newCart, startTestMarket, type TestMarket } from '../lib/market';
import { type RunningWeb, startWeb, launchChromium } from '../lib/web';

// Issue 10 in Chromium against the production storefront and the four real services: a member
// applies to sell, the pengurus approves; the new seller lists a product with a photo from a file
// (a JPEG drawn by the browser itself), the pengurus approves the listing; a shopper buys it (cash,
// pickup), the pengurus packs it and the kasir hands it over; the seller sees the sale and the
// balance; the bendahara pays it all out and the balance is zero.
const artifacts = join(import.meta.dirname, '..', 'test-results', 'browser');
const coop = 'karangbesuki';
const PHONE = { width: 360, height: 740 };
const SHOP = `Kue Bu Siti ${Date.now().toString(36)}`;
const PRODUCT = 'Kue Lumpur Pandan';
const PRICE = 25_000;
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
  page.screenshot({ path: join(artifacts, `seller-${name}.png`), fullPage: true });
const rupiah = (n: number) => `Rp${'\u00a0'}${n.toLocaleString('id-ID')}`;

type Role = 'anggota' | 'ketua' | 'kasir' | 'bendahara';

/** Someone of the cooperative signed in through /masuk in their own phone-sized browser. */
async function signedIn(role: Role): Promise<{ context: BrowserContext; page: Page }> {
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

/** Nothing on the page is wider than the 360 px phone (the widest culprits are named when it is). */
async function fitsThePhone(page: Page) {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  const wide =
    width <= PHONE.width
      ? []
      : await page.evaluate<string[]>(`[...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > ${PHONE.width} && !e.closest('.table-scroll'))
          .slice(-3).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`);
  expect({ width, wide }).toEqual({ width: expect.any(Number), wide: [] });
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

/** A real JPEG, drawn and encoded by the browser (no image library, no download). */
async function cameraJpeg(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate<string>(`(() => {
    const c = document.createElement('canvas');
    c.width = 800; c.height = 600;
    const g = c.getContext('2d');
    g.fillStyle = '#3a7d44'; g.fillRect(0, 0, 800, 600);
    g.fillStyle = '#f4d35e'; g.beginPath(); g.arc(400, 300, 180, 0, Math.PI * 2); g.fill();
    g.fillStyle = '#1b1b1b'; g.font = 'bold 48px sans-serif'; g.fillText('Kue Lumpur', 270, 320);
    return c.toDataURL('image/jpeg', 0.85);
  })()`);
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}

/** Reloads until `locator` shows `text` (another service learns of the change through Kafka). */
async function reloadUntil(page: Page, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`not there after ${timeoutMs} ms: ${page.url()}`);
    await page.waitForTimeout(500);
    await page.reload();
  }
}

describe('a member becomes a seller, sells, and is paid', () => {
  let member: { context: BrowserContext; page: Page };
  let ketua: { context: BrowserContext; page: Page };
  let productId: string;
  let pickupCode: string;
  let orderId: string;
  let nota: string;

  it('a member applies to sell from their account', async () => {
    member = await signedIn('anggota');
    const page = member.page;
    await page.getByRole('link', { name: /Jualan di Karbes Market/ }).click();
    await page.waitForURL(new RegExp(`/jual/${coop}/daftar$`));
    await page.getByLabel('Nama toko').fill(SHOP);
    await page.getByLabel('Apa yang Anda jual').fill('Kue basah buatan sendiri, dibuat tiap pagi.');
    await page.getByLabel('Saya antar sendiri ke gerai').check();
    await fitsThePhone(page);
    await page.getByRole('button', { name: 'Kirim pendaftaran' }).click();
    await page.getByText('Pendaftaran terkirim').first().waitFor();
    await page.getByTestId('application').filter({ hasText: 'Menunggu keputusan pengurus' }).waitFor();
    await shot(page, '01-member-applied');
  });

  it('the pengurus approves the application', async () => {
    ketua = await signedIn('ketua');
    const page = ketua.page;
    await page.goto(`${web.url}/kelola/${coop}`);
    await page
      .getByRole('navigation', { name: 'Menu kelola Karbes Market' })
      .getByRole('link', { name: 'Penjual', exact: true })
      .click();
    await page.waitForURL(new RegExp(`/kelola/${coop}/penjual$`));
    const card = page.getByTestId('seller-application').filter({ hasText: SHOP });
    await fitsThePhone(page);
    await card.getByRole('button', { name: 'Setujui' }).click();
    await page.getByText(`${SHOP} disetujui sebagai penjual.`).first().waitFor();
    await page.getByTestId('seller').filter({ hasText: SHOP }).filter({ hasText: 'Aktif' }).waitFor();
    await shot(page, '02-pengurus-approved');
  });

  it('the new seller lists a product with a photo taken from a file; it waits for review', async () => {
    const page = member.page;
    await page.goto(`${web.url}/jual/${coop}/daftar`);
    // The approval is in the member's next token: the page fetches one and opens the seller's menu.
    await page.getByRole('link', { name: 'Tambah barang' }).first().click();
    await page.waitForURL(new RegExp(`/jual/${coop}/barang/baru$`));
    await page.getByLabel('Nama barang').fill(PRODUCT);
    await page.getByLabel('Keterangan').fill('Isi 5, tahan 1 hari.');
    await page.getByLabel('Kategori').selectOption('makanan-ringan');
    await page.getByLabel('Satuan').selectOption('pack');
    await page.getByLabel('Harga (rupiah)').fill(String(PRICE));
    await page.getByLabel('Stok yang dititipkan').fill('10');
    const input = page.getByLabel('Foto barang');
    expect(await input.getAttribute('accept')).toBe('image/*');
    expect(await input.getAttribute('capture')).toBe('environment');
    await input.setInputFiles({
      name: 'IMG_20261202_0701.jpg',
      mimeType: 'image/jpeg',
      buffer: await cameraJpeg(page),
    });
    await fitsThePhone(page);
    await shot(page, '03-seller-new-listing');
    await page.getByRole('button', { name: 'Simpan dan ajukan' }).click();
    // The photo is decoded, resized three times and stored before the page answers (slow on a busy machine).
    await page
      .waitForURL(new RegExp(`/jual/${coop}/barang/[0-9a-f]{24}$`), { timeout: 120_000 })
      .catch(async (error: unknown) => {
        await shot(page, '03b-seller-after-submit');
        throw error;
      });
    productId = page.url().split('/').pop() ?? '';
    await page.getByText('menunggu persetujuan pengurus').first().waitFor();
    await page.getByTestId('review-state').filter({ hasText: 'Menunggu persetujuan' }).waitFor();
    const photo = page.getByTestId('listing-photo').locator('img');
    expect(await photo.getAttribute('srcset')).toMatch(/\/photos\/[^ ]+\/320\.webp 320w/);
    await fitsThePhone(page);
    await shot(page, '04-seller-waiting');
  });

  it('the pengurus approves the listing in the moderation queue', async () => {
    const page = ketua.page;
    await page.goto(`${web.url}/kelola/${coop}/moderasi`);
    const review = page.getByTestId('review').filter({ hasText: PRODUCT });
    await review.waitFor();
    await review.getByTestId('review-diff').waitFor();
    await fitsThePhone(page);
    await review.getByRole('button', { name: 'Setujui' }).click();
    await page.getByText(`"${PRODUCT}" disetujui.`).first().waitFor();
    await shot(page, '05-pengurus-listing-approved');
  });

  it('a shopper finds it with its photo and the shop, and buys it for pickup with cash', async () => {
    // Orders learns of the published product through Kafka; wait until it takes it in a cart.
    await addToCart(m, await newCart(m, coop), productId, 1);
    const shopper = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID' });
    const page = await shopper.newPage();
    await page.goto(`${web.url}/k/${coop}/produk/${productId}`);
    await page.getByRole('heading', { level: 1, name: PRODUCT }).waitFor();
    const img = page.locator('.product-photos img').first();
    expect(await img.getAttribute('fetchpriority')).toBe('high');
    expect(await img.getAttribute('srcset')).toContain('640w');
    await expect
      .poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    await page.getByRole('link', { name: SHOP }).waitFor();
    await page.getByLabel('Jumlah').fill('2');
    await page.getByRole('button', { name: 'Tambah ke keranjang' }).click();
    await page
      .getByText(/sudah masuk keranjang/)
      .first()
      .waitFor();
    await page.getByTestId('cart-link').first().click();
    await page.getByRole('link', { name: 'Lanjut ke checkout' }).click();
    await page.waitForURL(/\/checkout/);
    await page.getByLabel('Nama', { exact: true }).fill('Budi Santoso');
    await page.getByLabel('Nomor HP').fill('0812 3456 7890');
    await page.getByLabel(/Ambil di gerai/).check();
    await page.getByLabel(/Bayar di tempat/).check();
    await page.getByRole('button', { name: 'Buat pesanan' }).click();
    await page.waitForURL(new RegExp(`/k/${coop}/pesanan/ord_`));
    orderId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByTestId('order-status').filter({ hasText: 'Dikonfirmasi' }).waitFor({ timeout: 30_000 });
    pickupCode = (
      (await page.getByTestId('pickup-code').locator('.pickup-code-value').textContent()) ?? ''
    ).trim();
    expect(pickupCode).toMatch(/^[A-Z0-9]{6}$/);
    await shot(page, '06-shopper-ordered');
    await shopper.close();
  });

  it('the pengurus packs it, and the kasir hands it over with the pickup code and the cash', async () => {
    const page = ketua.page;
    await page.goto(`${web.url}/kelola/${coop}/pesanan/${orderId}`);
    const status = page.getByTestId('order-status');
    await status.filter({ hasText: 'Dikonfirmasi' }).waitFor();
    await page.getByRole('button', { name: 'Kemas', exact: true }).click();
    await status.filter({ hasText: 'Sedang dikemas' }).waitFor();
    await page.getByRole('button', { name: 'Siap diambil', exact: true }).click();
    await status.filter({ hasText: 'Siap diambil' }).waitFor();

    const kasir = await signedIn('kasir');
    await kasir.page.goto(`${web.url}/kelola/${coop}/pesanan/${orderId}`);
    await kasir.page.getByLabel('Kode pengambilan dari pembeli').fill(pickupCode);
    await kasir.page.locator('input[name="cashReceived"]').fill(String(2 * PRICE));
    await kasir.page.getByRole('button', { name: 'Selesaikan', exact: true }).click();
    await kasir.page.getByTestId('order-status').filter({ hasText: 'Selesai' }).waitFor();
    // Nota numbers read KAR-2026-000123 (orders' domain/nota.ts).
    nota =
      ((await kasir.page.locator('h1').first().textContent()) ?? '').match(/[A-Z]{2,6}-\d{4}-\d{6}/)?.[0] ??
      '';
    await shot(kasir.page, '07-kasir-handed-over');
    await kasir.context.close();
  });

  it('the seller sees the sale with its nota number, and the balance after commission', async () => {
    const page = member.page;
    await page.goto(`${web.url}/jual/${coop}/penjualan`);
    await reloadUntil(page, async () => (await page.getByTestId('sales-row').count()) > 0);
    const row = page.getByTestId('sales-row').filter({ hasText: PRODUCT }).first();
    expect(await row.textContent()).toContain(rupiah(2 * PRICE));
    if (nota) expect(await row.textContent()).toContain(nota);
    await fitsThePhone(page);
    await shot(page, '08-seller-sales');

    await page.getByRole('link', { name: 'Saldo', exact: true }).click();
    await page.waitForURL(new RegExp(`/jual/${coop}/saldo$`));
    await reloadUntil(
      page,
      async () => (await page.getByTestId('available-amount').textContent()) !== rupiah(0),
    );
    const balance = (await page.getByTestId('balance-amount').textContent()) ?? '';
    // The sale less the cooperative's commission: something, and less than the sale.
    expect(balance).not.toBe(rupiah(0));
    expect(Number(balance.replace(/\D/g, ''))).toBeLessThan(2 * PRICE);
    await page.getByTestId('statement').filter({ hasText: 'Penjualan' }).waitFor();
    const csv = await page.request.get(
      `${web.url}${await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href')}`,
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    await fitsThePhone(page);
    await shot(page, '09-seller-balance');
  });

  it('the bendahara pays the whole balance out, and the seller’s balance is zero', async () => {
    const bendahara = await signedIn('bendahara');
    const page = bendahara.page;
    await page.goto(`${web.url}/kelola/${coop}/konsinyasi`);
    const card = page.getByTestId('seller-balance').filter({ hasText: SHOP });
    await card.waitFor();
    const owed = Number(((await card.getByTestId('balance-amount').textContent()) ?? '').replace(/\D/g, ''));
    expect(owed).toBeGreaterThan(0);
    await card.getByLabel('Jumlah dibayarkan (rupiah)').fill(String(owed));
    await card.getByLabel('Cara bayar').selectOption('cash');
    await card.getByLabel('Nomor kuitansi').fill('KW-2026-0001');
    await fitsThePhone(page);
    await card.getByRole('button', { name: 'Catat pembayaran' }).click();
    await page.getByText(`dibayarkan ke ${SHOP}.`).first().waitFor();
    await shot(page, '10-bendahara-paid');
    await bendahara.context.close();

    await member.page.goto(`${web.url}/jual/${coop}/saldo`);
    await member.page
      .getByTestId('balance-amount')
      .filter({ hasText: rupiah(0) })
      .waitFor();
    await member.page.getByTestId('statement').filter({ hasText: 'Dibayarkan ke penjual' }).waitFor();
    await shot(member.page, '11-seller-balance-zero');
    await member.context.close();
    await ketua.context.close();
  });
});
