import type { LoaderFunctionArgs } from '@remix-run/node';
import { getEnv } from '~/utils/env.server';
import { serviceUrl } from '~/utils/http.server';

const PHOTO_ID = /^[A-Za-z0-9_-]{1,64}$/;
const FILE = /^\d{1,5}\.webp$/;
/** What the browser may keep of catalog's answer: the bytes' type, size and caching. */
const PASSED = ['Content-Type', 'Content-Length', 'Cache-Control', 'ETag', 'Last-Modified', 'Expires'];

/**
 * Resource route `/photos/:photoId/:width.webp`: catalog's photo variant (GET /photos/{photoId}/{file}),
 * passed through as it came with its own cache headers (immutable), so the storefront's images are
 * same-origin. Conditional requests go along (If-None-Match → 304). Only WebP variants are proxied; a
 * name of another shape is a 404 without a call.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { photoId = '', file = '' } = params;
  if (!PHOTO_ID.test(photoId) || !FILE.test(file)) return new Response('Not found', { status: 404 });
  const headers: Record<string, string> = { Accept: 'image/webp' };
  const etag = request.headers.get('If-None-Match');
  if (etag) headers['If-None-Match'] = etag;
  let upstream: Response;
  try {
    upstream = await fetch(serviceUrl('catalog', `/photos/${photoId}/${file}`), {
      headers,
      signal: AbortSignal.timeout(getEnv().SERVICE_TIMEOUT_MS),
    });
  } catch {
    return new Response('catalog unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  }
  const out = new Headers({ 'X-Content-Type-Options': 'nosniff' });
  for (const name of PASSED) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  if (upstream.status === 304) return new Response(null, { status: 304, headers: out });
  const type = upstream.headers.get('Content-Type') ?? '';
  if (!upstream.ok || !upstream.body || !type.startsWith('image/')) {
    await upstream.body?.cancel();
    const status = upstream.status === 404 || upstream.status === 400 ? 404 : 503;
    return new Response(status === 404 ? 'Not found' : 'photo unavailable', {
      status,
      headers: { 'Cache-Control': 'no-store' },
    });
  }
  return new Response(upstream.body, { status: 200, headers: out });
}
