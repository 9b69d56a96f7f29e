import type { AppLoadContext } from '@remix-run/node';
import { getEnv } from './env.server';

/**
 * What the production server (`server.ts`) learned about a request from its socket and from the proxies it
 * trusts (TRUSTED_PROXIES): the scheme and host the browser used and the browser's address. Remix hands it
 * to loaders and actions as `context.peer`. Absent when nothing in front of Remix vouches for the request
 * (the Vite dev server, tests calling a loader directly): the request's own URL is used then.
 */
export interface RequestPeer {
  protocol: 'http' | 'https';
  /** host[:port] as the browser sent it (Host, or X-Forwarded-Host from a trusted proxy). */
  host: string;
  /** The browser's address (the socket's peer, or X-Forwarded-For from a trusted proxy). */
  clientAddress: string | undefined;
}

declare module '@remix-run/node' {
  interface AppLoadContext {
    peer?: RequestPeer;
  }
}

/** The first value of a comma-separated forwarded header ("https, http" → "https"). */
function firstValue(header: string | null | undefined): string | undefined {
  const value = header?.split(',')[0]?.trim();
  return value ? value : undefined;
}

const HOST_RE = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

const isHost = (value: string | undefined): value is string =>
  value !== undefined && HOST_RE.test(value) && URL.canParse(`http://${value}`);

/**
 * The peer of one request, from what the socket says and — only when the socket's peer is a trusted proxy —
 * the first hop of X-Forwarded-Proto / X-Forwarded-Host. A forwarded scheme other than http/https and a host
 * that is not a host name are ignored. `clientAddress` is the server framework's (Express `req.ip`, which
 * applies the same trust to X-Forwarded-For).
 */
export function resolvePeer(input: {
  encrypted: boolean;
  trustedProxy: boolean;
  host: string | undefined;
  forwardedProto: string | undefined;
  forwardedHost: string | undefined;
  clientAddress: string | undefined;
}): RequestPeer {
  let protocol: RequestPeer['protocol'] = input.encrypted ? 'https' : 'http';
  let host = isHost(input.host) ? input.host : 'localhost';
  if (input.trustedProxy) {
    const proto = firstValue(input.forwardedProto)?.toLowerCase();
    if (proto === 'https' || proto === 'http') protocol = proto;
    const forwarded = firstValue(input.forwardedHost);
    if (isHost(forwarded)) host = forwarded;
  }
  return { protocol, host: host.toLowerCase(), clientAddress: input.clientAddress };
}

/**
 * The origin shoppers see (scheme://host[:port]), for links that leave the page (the order's secret link)
 * and for checking where a form post came from:
 * 1. PUBLIC_BASE_URL when configured;
 * 2. else what the server in front of Remix vouches for (`context.peer`: forwarded headers are believed
 *    only from TRUSTED_PROXIES);
 * 3. else the request's own URL.
 */
export function publicOrigin(request: Request, context?: AppLoadContext): string {
  const peer = context?.peer;
  return peer ? publicOriginOfPeer(peer) : (getEnv().PUBLIC_ORIGIN ?? new URL(request.url).origin);
}

/** The public origin for a request the server vouches for: PUBLIC_BASE_URL when set, else the peer's. */
export function publicOriginOfPeer(peer: RequestPeer): string {
  return getEnv().PUBLIC_ORIGIN ?? new URL(`${peer.protocol}://${peer.host}`).origin;
}

/** An absolute URL on the public origin for a path of this app. */
export function publicUrl(
  request: Request,
  context: AppLoadContext | undefined,
  pathAndQuery: string,
): string {
  return `${publicOrigin(request, context)}${pathAndQuery}`;
}

/** The origins a state-changing request may come from: the public origin and EXTRA_ORIGINS. */
export function allowedOrigins(request: Request, context?: AppLoadContext): string[] {
  return [publicOrigin(request, context), ...getEnv().EXTRA_ORIGINS];
}

/** allowedOrigins() for the server's middleware, which has the peer but no Fetch Request. */
export function allowedOriginsOfPeer(peer: RequestPeer): string[] {
  return [publicOriginOfPeer(peer), ...getEnv().EXTRA_ORIGINS];
}

function originOf(value: string | null | undefined): string | undefined {
  if (!value || value === 'null') return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The CSRF rule, on its own (the Express middleware in server.ts and `formAction()` both apply it): a
 * state-changing method needs an Origin header — or, when the browser sent none, a Referer — naming one of
 * the allowed origins. Browsers send Origin with every cross-site and same-origin POST, so a request with
 * neither (or with `Origin: null`, or an empty Origin) is refused.
 */
export function isAllowedSource(
  method: string,
  origin: string | null | undefined,
  referer: string | null | undefined,
  allowed: readonly string[],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const source = origin !== null && origin !== undefined ? originOf(origin) : originOf(referer);
  return source !== undefined && allowed.includes(source);
}

/**
 * CSRF defence for every state-changing request (a verified Origin, OWASP's "verifying origin with
 * standard headers"), see `isAllowedSource`.
 */
export function isSameOriginRequest(request: Request, context?: AppLoadContext): boolean {
  return isAllowedSource(
    request.method,
    request.headers.get('Origin'),
    request.headers.get('Referer'),
    allowedOrigins(request, context),
  );
}

/** The JSON body of the 403 a forged post gets. */
export const FORBIDDEN_ORIGIN = { reason: 'forbidden-origin' } as const;

/** Throws the 403 a forged form post gets (before anything is read or changed). */
export function assertSameOrigin(request: Request, context?: AppLoadContext): void {
  if (isSameOriginRequest(request, context)) return;
  throw new Response(JSON.stringify(FORBIDDEN_ORIGIN), {
    status: 403,
    statusText: 'Forbidden',
    headers: { 'Content-Type': 'application/json' },
  });
}
