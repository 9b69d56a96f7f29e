import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** ::ffff:127.0.0.1 → 127.0.0.1, so a list of IPv4 proxies matches IPv4-mapped peers. */
export function normaliseAddress(a: string): string {
  const s = a.trim();
  return s.startsWith('::ffff:') && s.includes('.') ? s.slice(7) : s;
}

export function parseTrustedProxies(list: string): Set<string> {
  return new Set(
    list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(normaliseAddress),
  );
}

/** The socket peer; 'unknown' when the app runs outside @hono/node-server (app.request() in tests). */
export function peerAddress(c: Context): string {
  try {
    const address = getConnInfo(c).remote.address;
    return address ? normaliseAddress(address) : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * The client's address. X-Forwarded-For is believed only when the socket peer is a configured proxy
 * (TRUSTED_PROXIES); then the right-most entry that is not itself a trusted proxy is the client.
 * Anyone else could write any X-Forwarded-For and escape the per-address throttle.
 */
export function clientAddress(c: Context, trusted: Set<string>): string {
  const peer = peerAddress(c);
  if (!trusted.has(peer)) return peer;
  const forwarded = c.req.header('x-forwarded-for');
  if (!forwarded) return peer;
  const hops = forwarded
    .split(',')
    .map((s) => normaliseAddress(s))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!;
  return hops[0] ?? peer;
}
