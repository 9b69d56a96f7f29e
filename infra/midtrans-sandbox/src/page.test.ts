import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, orderId, snapRequest, startReceiver, startSandbox } from './testing/harness';

let env: Awaited<ReturnType<typeof startSandbox>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
  env = await startSandbox({ notificationUrl: receiver.url });
});
afterAll(async () => {
  await env.close();
  await receiver.close();
});

/** The form holding the button `testid`: its action and hidden fields, as a browser would submit it. */
function form(html: string, testid: string): { action: string; fields: Record<string, string> } {
  const chunk = html.split('<form').find((f) => f.includes(`data-testid="${testid}"`));
  if (!chunk) throw new Error(`no button ${testid} on the page`);
  const action = /action="([^"]+)"/.exec(chunk)?.[1];
  const fields = Object.fromEntries(
    [...chunk.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
  );
  return { action: action!, fields };
}

/** Clicks the button: POSTs its form (urlencoded) without following the redirect. */
async function click(html: string, testid: string): Promise<Response> {
  const { action, fields } = form(html, testid);
  return fetch(new URL(action, env.base), {
    method: 'POST',
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

async function open(extra: Record<string, unknown> = {}) {
  const id = orderId();
  const { redirect_url } = await clients(env.base).snap.createTransaction(snapRequest(id, 15_000, extra));
  const res = await fetch(redirect_url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  return { id, url: redirect_url, html: await res.text() };
}

const status = async (id: string) =>
  ((await (await fetch(`${env.base}/_sandbox/transactions/${id}`)).json()) as { status: string }).status;

describe('payment page at redirect_url', () => {
  it('offers exactly the enabled methods, in Bahasa Indonesia first, with no external resources', async () => {
    const { html } = await open({ enabled_payments: ['qris', 'gopay', 'bca_va'] });
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Pilih metode pembayaran');
    expect(html).toContain('Rp');
    for (const m of ['qris', 'gopay', 'bca_va']) expect(html).toContain(`data-testid="method-${m}"`);
    for (const m of ['shopeepay', 'bni_va']) expect(html).not.toContain(`data-testid="method-${m}"`);
    expect(html).not.toMatch(/<script|<link|src="http|url\(http/);
  });

  it('QRIS: choosing shows a real QR image and the buttons; Bayar settles and returns to callbacks.finish', async () => {
    const { id, url, html } = await open({
      callbacks: { finish: 'https://pasar.test/k/karangbesuki/checkout/done' },
    });
    const chose = await click(html, 'method-qris');
    expect(chose.status).toBe(303);
    expect(await status(id)).toBe('pending');
    const page = await (await fetch(url)).text();
    const img = /<img[^>]*data-testid="qr"[^>]*src="data:image\/png;base64,([A-Za-z0-9+/=]+)"/.exec(page);
    expect(img).not.toBeNull();
    expect(Buffer.from(img![1]!, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(page).toMatch(/data-testid="qr-string">000201/);
    for (const b of ['pay', 'fail', 'expire']) expect(page).toContain(`data-testid="${b}"`);
    expect(page).toContain('Bayar');
    expect(page).toContain('Biarkan kedaluwarsa');

    const paid = await click(page, 'pay');
    expect(paid.status).toBe(303);
    const back = new URL(paid.headers.get('location')!);
    expect(back.origin + back.pathname).toBe('https://pasar.test/k/karangbesuki/checkout/done');
    expect(Object.fromEntries(back.searchParams)).toEqual({
      order_id: id,
      status_code: '200',
      transaction_status: 'settlement',
    });
    expect(await status(id)).toBe('settlement');
    const [, settlement] = await receiver.waitFor(id, 2);
    expect(settlement!.body.transaction_status).toBe('settlement');
  });

  it('GoPay: shows a QR and the deeplink; Gagal denies it', async () => {
    const { id, url, html } = await open();
    await click(html, 'method-gopay');
    const page = await (await fetch(url)).text();
    expect(page).toContain('data-testid="qr"');
    expect(page).toMatch(/data-testid="deeplink" href="gojek:\/\//);
    const failed = await click(page, 'fail');
    expect(failed.status).toBe(303); // no callbacks.finish: back to the page, which shows the result
    expect(await status(id)).toBe('deny');
    expect(await (await fetch(url)).text()).toContain('data-status="deny"');
  });

  it('BCA VA: shows the VA number; "Biarkan kedaluwarsa" expires it; a second click is refused (409)', async () => {
    const { id, url, html } = await open();
    await click(html, 'method-bca_va');
    const page = await (await fetch(url)).text();
    expect(page).toMatch(/data-testid="va-number">12345\d{6}</);
    expect((await click(page, 'expire')).status).toBe(303);
    expect(await status(id)).toBe('expire');
    const again = await click(page, 'pay');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Merchant cannot modify the status of the transaction');
  });

  it('answers 404 for an unknown token', async () => {
    expect((await fetch(`${env.base}/snap/v4/redirection/nope`)).status).toBe(404);
  });
});
