import { type Context, Hono } from 'hono';
import { MidtransFailure } from '../domain/errors';
import { METHODS, type Method, type Transaction } from '../domain/transaction';
import { finishUrl, renderPage } from '../page';
import type { Sandbox } from '../sandbox';

/** The Snap payment page at redirect_url: GET shows it, the buttons POST plain forms. */
export function pageRoutes(sandbox: Sandbox): Hono {
  const app = new Hono();
  const base = (token: string) => `/snap/v4/redirection/${token}`;

  const find = (token: string) => sandbox.byToken(token);
  const missing = (c: Context) =>
    c.html(
      '<!doctype html><html lang="id"><meta charset="utf-8"><title>Tidak ditemukan / Not found</title>' +
        '<p>Transaksi tidak ditemukan / Transaction not found</p></html>',
      404,
    );

  app.get('/:token', async (c) => {
    const t = find(c.req.param('token'));
    if (!t) return missing(c);
    return c.html(await renderPage(t, base(t.token)));
  });

  /** Runs a button's action; a refused transition shows the page again with the reason (HTTP 409). */
  const action = (
    name: string,
    finish: boolean,
    run: (t: Transaction, form: Record<string, string | File>) => void,
  ) =>
    app.post(`/:token/${name}`, async (c) => {
      const t = find(c.req.param('token'));
      if (!t) return missing(c);
      try {
        run(t, await c.req.parseBody());
      } catch (err) {
        if (!(err instanceof MidtransFailure)) throw err;
        return c.html(await renderPage(t, base(t.token), err.message), 409);
      }
      if (finish && t.finishUrl) return c.redirect(finishUrl(t), 303);
      return c.redirect(base(t.token), 303);
    });

  action('choose', false, (t, form) => {
    const method = String(form.method ?? '');
    if (!METHODS.includes(method as Method)) throw new MidtransFailure('400', `unknown method ${method}`);
    sandbox.choose(t.orderId, method as Method);
  });
  // After pay/fail Snap sends the shopper back to callbacks.finish; an expiry just shows the result.
  action('pay', true, (t) => sandbox.pay(t.orderId));
  action('fail', true, (t) => sandbox.fail(t.orderId));
  action('expire', false, (t) => sandbox.expire(t.orderId));
  return app;
}
