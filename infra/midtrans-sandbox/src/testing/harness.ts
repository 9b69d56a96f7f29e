import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { type ServerType, serve } from '@hono/node-server';
import midtransClient from 'midtrans-client';
import { createApp } from '../app';
import { type RuntimeConfig, Sandbox } from '../sandbox';

export const SERVER_KEY = 'SB-Mid-server-test-key';

/** A sandbox served over real HTTP on a free loopback port (fast retries so tests stay quick). */
export async function startSandbox(config: Partial<RuntimeConfig> = {}) {
  const sandbox = new Sandbox(SERVER_KEY, 'G000TEST', { retryBaseMs: 20, timeoutMs: 1000, ...config });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: createApp(sandbox).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    sandbox,
    base,
    /** POST to the control API; returns the parsed JSON and the HTTP status. */
    async control(path: string, body: unknown = {}): Promise<{ status: number; json: any }> {
      const res = await fetch(`${base}/_sandbox${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    },
    async close() {
      sandbox.reset();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** midtrans-client's Snap and CoreApi, pointed at the sandbox the documented way (base URL overrides). */
export function clients(base: string, serverKey = SERVER_KEY) {
  const snap = new midtransClient.Snap({ isProduction: false, serverKey });
  snap.apiConfig.getSnapApiBaseUrl = () => `${base}/snap/v1`;
  snap.apiConfig.getCoreApiBaseUrl = () => base;
  const core = new midtransClient.CoreApi({ isProduction: false, serverKey });
  core.apiConfig.getCoreApiBaseUrl = () => base;
  return { snap, core };
}

let seq = 0;
/** A unique order id per call (the sandbox refuses an order id twice, like Midtrans). */
export const orderId = (prefix = 'ORD') => `${prefix}-${process.pid}-${Date.now()}-${++seq}`;

/** A Snap request for `amount` rupiah as one item. */
export function snapRequest(id: string, amount = 15_000, extra: Record<string, unknown> = {}) {
  return {
    transaction_details: { order_id: id, gross_amount: amount },
    item_details:
      amount % 3 === 0
        ? [{ id: 'beras-5kg', name: 'Beras 5 kg', price: amount / 3, quantity: 3 }]
        : [{ id: 'gas-3kg', name: 'LPG 3 kg', price: amount, quantity: 1 }],
    ...extra,
  };
}

export interface Received {
  body: Record<string, any>;
  at: number;
}

/** A local HTTP server standing in for our payments service's notification endpoint. */
export async function startReceiver(opts: { failFirst?: number } = {}) {
  const received: Received[] = [];
  let toFail = opts.failFirst ?? 0;
  const read = async (req: IncomingMessage) => {
    let data = '';
    for await (const chunk of req) data += chunk;
    return data;
  };
  const server: Server = createServer((req, res) => {
    void read(req).then((data) => {
      if (toFail > 0) {
        toFail--;
        res.writeHead(500).end('not yet');
        return;
      }
      received.push({ body: JSON.parse(data), at: Date.now() });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/notify`;
  return {
    url,
    received,
    forOrder: (id: string) => received.filter((r) => r.body.order_id === id),
    /** Waits until `count` notifications of the order arrived (fails after 5 s). */
    async waitFor(id: string, count: number): Promise<Received[]> {
      const deadline = Date.now() + 5000;
      while (received.filter((r) => r.body.order_id === id).length < count) {
        if (Date.now() > deadline)
          throw new Error(
            `only ${received.filter((r) => r.body.order_id === id).length}/${count} notifications for ${id}`,
          );
        await sleep(10);
      }
      return received.filter((r) => r.body.order_id === id);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** How our payments service verifies a notification: SHA-512(order_id + status_code + gross_amount + key). */
export function verifies(body: Record<string, any>, serverKey = SERVER_KEY): boolean {
  const expected = createHash('sha512')
    .update(`${body.order_id}${body.status_code}${body.gross_amount}${serverKey}`)
    .digest('hex');
  return body.signature_key === expected;
}

export type MidtransError = InstanceType<typeof midtransClient.MidtransError>;

/** The MidtransError a midtrans-client call rejects with; fails the test if the call succeeds. */
export function rejection(p: Promise<unknown>): Promise<MidtransError> {
  return p.then(
    () => {
      throw new Error('expected a MidtransError');
    },
    (e: unknown) => e as MidtransError,
  );
}
