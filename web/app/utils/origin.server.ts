import { getEnv } from './env.server';

/** The first value of a comma-separated forwarded header ("https, http" → "https"). */
function firstValue(header: string | null): string | undefined {
  const value = header?.split(',')[0]?.trim();
  return value ? value : undefined;
}

const HOST_RE = /^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/**
 * The origin shoppers see (scheme://host[:port]), for links that leave the page (the order's secret link)
 * and for checking where a form post came from:
 * 1. PUBLIC_BASE_URL when configured;
 * 2. else, when TRUST_PROXY=1 (the app is reachable only through the TLS-terminating proxy),
 *    X-Forwarded-Proto / X-Forwarded-Host of the request;
 * 3. else the request's own URL. Forwarded headers from anyone else are ignored.
 */
export function publicOrigin(request: Request): string {
  const env = getEnv();
  if (env.PUBLIC_ORIGIN) return env.PUBLIC_ORIGIN;
  const url = new URL(request.url);
  if (env.TRUST_PROXY) {
    const proto = firstValue(request.headers.get('X-Forwarded-Proto'))?.toLowerCase();
    const host = firstValue(request.headers.get('X-Forwarded-Host'));
    if (proto === 'https' || proto === 'http') url.protocol = `${proto}:`;
    if (host && HOST_RE.test(host)) url.host = host;
  }
  return url.origin;
}

/** An absolute URL on the public origin for a path of this app. */
export function publicUrl(request: Request, pathAndQuery: string): string {
  return `${publicOrigin(request)}${pathAndQuery}`;
}

/** The origins a state-changing request may come from: the public origin and EXTRA_ORIGINS. */
export function allowedOrigins(request: Request): string[] {
  return [publicOrigin(request), ...getEnv().EXTRA_ORIGINS];
}

function originOf(value: string | null): string | undefined {
  if (!value || value === 'null') return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for every state-changing request (a verified Origin, OWASP's "verifying origin with
 * standard headers"): the Origin header, or the Referer when a browser sent no Origin, must be one of
 * the allowed origins. Browsers send Origin with every cross-site and same-origin POST, so a request
 * with neither (or with `Origin: null`) is refused too.
 */
export function isSameOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return true;
  const origin = request.headers.get('Origin');
  const source = origin !== null ? originOf(origin) : originOf(request.headers.get('Referer'));
  return source !== undefined && allowedOrigins(request).includes(source);
}

/** Throws the 403 a forged form post gets (before anything is read or changed). */
export function assertSameOrigin(request: Request): void {
  if (isSameOriginRequest(request)) return;
  throw new Response(JSON.stringify({ reason: 'forbidden-origin' }), {
    status: 403,
    statusText: 'Forbidden',
    headers: { 'Content-Type': 'application/json' },
  });
}
