import { isApiError, notFound } from './http.server';
import { getEnv } from './env.server';

/**
 * A service's file answer passed on to the browser as a download: its own name when it gives one as
 * an attachment, else `fallbackName`; never cached, never sniffed; its length when it says it.
 */
export function privateDownload(upstream: Response, type: string, fallbackName: string): Response {
  const named = upstream.headers.get('Content-Disposition');
  const headers = new Headers({
    'Content-Type': type,
    'Content-Disposition': named?.startsWith('attachment') ? named : `attachment; filename="${fallbackName}"`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  const length = upstream.headers.get('Content-Length');
  if (length) headers.set('Content-Length', length);
  return new Response(upstream.body, { headers });
}

/**
 * The nota's PDF from the orders service, passed on as it came (the token stays on the server):
 * application/pdf, downloaded as nota-<order>.pdf unless the service names the file itself, never cached.
 */
export async function proxyNotaPdf(open: (signal: AbortSignal) => Promise<Response>, orderId: string) {
  let upstream: Response;
  try {
    upstream = await open(AbortSignal.timeout(Math.max(getEnv().SERVICE_TIMEOUT_MS, 15_000)));
  } catch {
    return new Response('orders service unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  }
  if (upstream.status === 401 || upstream.status === 403 || upstream.status === 404) {
    await upstream.body?.cancel();
    throw notFound('nota');
  }
  const type = upstream.headers.get('Content-Type') ?? '';
  if (!upstream.ok || !upstream.body || !type.startsWith('application/pdf')) {
    await upstream.body?.cancel();
    console.error(`[web] orders nota.pdf answered ${upstream.status} ${type}`);
    return new Response('nota unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  }
  return privateDownload(upstream, 'application/pdf', `nota-${orderId}.pdf`);
}

/** A nota the service does not have (yet), or an order that is not theirs: the same 404. */
export async function notaOr404<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isApiError(error) && error.status < 500 && error.status !== 401) throw notFound('nota');
    throw error;
  }
}
