import type { LoaderFunctionArgs } from '@remix-run/node';
import { notFound } from '~/utils/http.server';
import { privateDownload } from '~/utils/nota.server';
import { requireStaff } from '~/utils/staff.server';
import { fetchRatPack } from '../kelola.$slug.shu/ledger-shu.server';

const TYPES = { csv: 'text/csv', pdf: 'application/pdf' } as const;

/**
 * Resource route: the RAT pack of a year as PDF or CSV (`?tahun=YYYY&format=pdf|csv`), passed on from
 * the ledger as it came (the token stays on the server), downloaded, never cached. Not theirs / no run
 * for that year → 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'shu');
  const url = new URL(request.url);
  const year = url.searchParams.get('tahun') ?? '';
  const format = url.searchParams.get('format');
  if (!/^(20\d\d|2100)$/.test(year) || (format !== 'pdf' && format !== 'csv')) throw notFound('page');
  let upstream: Response;
  try {
    upstream = await fetchRatPack(ctx.auth.tokens.ledger, ctx.cooperativeId, Number(year), format);
  } catch {
    return new Response('ledger service unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  }
  if (upstream.status === 401 || upstream.status === 403 || upstream.status === 404) {
    await upstream.body?.cancel();
    throw notFound('page');
  }
  const type = upstream.headers.get('Content-Type') ?? '';
  if (!upstream.ok || !upstream.body || !type.startsWith(TYPES[format])) {
    await upstream.body?.cancel();
    console.error(`[web] ledger rat-pack.${format} answered ${upstream.status} ${type}`);
    return new Response('RAT pack unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  }
  return privateDownload(upstream, type, `paket-rat-${ctx.cooperativeId}-${year}.${format}`);
}
