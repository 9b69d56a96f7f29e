import QRCode from 'qrcode';
import { deeplink, qrisString } from './domain/payment-codes';
import { type Method, statusCodeOf, type Transaction } from './domain/transaction';

// The payment page: plain HTML forms, inline CSS, no script and no external resources, phone first.
// Text is Bahasa Indonesia first, English second.

const LABEL: Record<Method, string> = {
  qris: 'QRIS',
  gopay: 'GoPay',
  shopeepay: 'ShopeePay',
  bca_va: 'BCA Virtual Account',
  bni_va: 'BNI Virtual Account',
  bri_va: 'BRI Virtual Account',
  permata_va: 'Permata Virtual Account',
};

const RESULT: Record<string, string> = {
  settlement: 'Pembayaran berhasil / Payment successful',
  deny: 'Pembayaran ditolak / Payment denied',
  failure: 'Pembayaran gagal / Payment failed',
  expire: 'Pembayaran kedaluwarsa / Payment expired',
  cancel: 'Pembayaran dibatalkan / Payment cancelled',
  refund: 'Dana dikembalikan / Refunded',
  partial_refund: 'Dana dikembalikan sebagian / Partially refunded',
};

const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.4 system-ui,sans-serif;background:#f4f5f7;color:#1b1f24}
main{max-width:28rem;margin:0 auto;padding:1rem}header{background:#002855;color:#fff;padding:1rem;border-radius:.75rem}
h1{font-size:1.1rem;margin:0 0 .25rem}.amount{font-size:1.75rem;font-weight:700}.muted{color:#5b6675;font-size:.85rem}
header .muted{color:#c9d3e0}section{background:#fff;border-radius:.75rem;padding:1rem;margin-top:1rem}
form{margin:.5rem 0}button{width:100%;min-height:3rem;font-size:1rem;border-radius:.5rem;border:1px solid #c5ccd6;background:#fff;cursor:pointer}
button.primary{background:#0a7d36;color:#fff;border:0}button.danger{background:#b3261e;color:#fff;border:0}
.qr{display:block;margin:0 auto;width:240px;max-width:100%;image-rendering:pixelated}
.va{font:700 1.5rem ui-monospace,monospace;letter-spacing:.05em;text-align:center;margin:.5rem 0}
.deeplink{display:block;text-align:center;padding:.75rem;border:1px solid #c5ccd6;border-radius:.5rem;color:#002855}
.error{background:#fde7e7;color:#8a1c1c;padding:.75rem;border-radius:.5rem}code{word-break:break-all;font-size:.75rem}`;

function layout(t: Transaction, body: string, error?: string): string {
  return `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Pembayaran / Payment ${esc(t.orderId)} — Midtrans sandbox</title><style>${CSS}</style></head>
<body><main>
<header><h1>Pasar · Midtrans sandbox</h1>
<div class="amount" data-testid="amount">${esc(rupiah.format(t.grossAmount))}</div>
<div class="muted">Pesanan / Order <span data-testid="order-id">${esc(t.orderId)}</span></div></header>
${error ? `<p class="error" role="alert" data-testid="error">${esc(error)}</p>` : ''}
${body}
</main></body></html>`;
}

const button = (action: string, testid: string, text: string, cls = '', hidden = '') =>
  `<form method="post" action="${action}">${hidden}<button type="submit" class="${cls}" data-testid="${testid}">${text}</button></form>`;

function choosePage(t: Transaction, base: string): string {
  const forms = t.methods
    .map((m) =>
      button(
        `${base}/choose`,
        `method-${m}`,
        esc(LABEL[m]),
        '',
        `<input type="hidden" name="method" value="${m}">`,
      ),
    )
    .join('\n');
  return `<section><h2>Pilih metode pembayaran <span class="muted">/ Choose a payment method</span></h2>
${forms}</section>`;
}

async function instructions(t: Transaction): Promise<string> {
  if (t.paymentType === 'bank_transfer') {
    return `<h2>${esc(LABEL[`${t.bank!}_va`])}</h2>
<p>Nomor Virtual Account <span class="muted">/ Virtual account number</span></p>
<p class="va" data-testid="va-number">${esc(t.vaNumber ?? '')}</p>
<p class="muted">Transfer tepat ${esc(rupiah.format(t.grossAmount))} / Transfer exactly this amount</p>`;
  }
  const code = t.paymentType === 'qris' ? qrisString(t) : deeplink(t);
  const qr = await QRCode.toDataURL(code, { margin: 1, width: 240, errorCorrectionLevel: 'M' });
  const name = t.paymentType === 'qris' ? 'QRIS' : t.paymentType === 'gopay' ? 'GoPay' : 'ShopeePay';
  const link =
    t.paymentType === 'qris'
      ? ''
      : `<p><a class="deeplink" data-testid="deeplink" href="${esc(code)}">Buka ${name} / Open ${name}</a></p>`;
  return `<h2>${name}</h2>
<p>Pindai kode QR ini <span class="muted">/ Scan this QR code</span></p>
<img class="qr" data-testid="qr" alt="Kode QR ${name} / ${name} QR code" src="${qr}">
<p><code data-testid="qr-string">${esc(code)}</code></p>${link}`;
}

async function pendingPage(t: Transaction, base: string): Promise<string> {
  return `<section>${await instructions(t)}</section>
<section><p class="muted">Tombol penguji / Tester buttons</p>
${button(`${base}/pay`, 'pay', 'Bayar <span class="muted">/ Pay</span>', 'primary')}
${button(`${base}/fail`, 'fail', 'Gagal <span class="muted">/ Fail</span>', 'danger')}
${button(`${base}/expire`, 'expire', 'Biarkan kedaluwarsa <span class="muted">/ Let it expire</span>')}
</section>`;
}

function resultPage(t: Transaction): string {
  const finish = t.finishUrl
    ? `<p><a href="${esc(finishUrl(t))}" data-testid="finish">Kembali ke toko / Back to the shop</a></p>`
    : '';
  return `<section data-testid="status" data-status="${t.status}"><h2>${esc(RESULT[t.status] ?? t.status)}</h2>${finish}</section>`;
}

/** callbacks.finish with order_id, status_code and transaction_status, as Snap appends them. */
export function finishUrl(t: Transaction): string {
  const url = new URL(t.finishUrl!);
  url.searchParams.set('order_id', t.orderId);
  url.searchParams.set('status_code', statusCodeOf(t.status));
  url.searchParams.set('transaction_status', t.status);
  return url.toString();
}

/** The page for the transaction's current state; `base` is the page's own path. */
export async function renderPage(t: Transaction, base: string, error?: string): Promise<string> {
  if (t.status === 'unchosen') return layout(t, choosePage(t, base), error);
  if (t.status === 'pending') return layout(t, await pendingPage(t, base), error);
  return layout(t, resultPage(t), error);
}
