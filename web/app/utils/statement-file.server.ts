import { parseForm } from '~/schemas/form';
import { MonthSchema } from '~/schemas/seller.schema';
import { z } from 'zod';
import { fetchStatementFile } from './consignment.server';
import { jakartaToday } from './datetime';
import { notFound } from './http.server';
import { privateDownload } from './nota.server';

const FileQuerySchema = z.object({ month: MonthSchema, format: z.enum(['csv', 'pdf']) });

/** `?month=YYYY-MM&format=csv|pdf` of a statement download; anything else is a 404 (no call made). */
export function statementFileQuery(url: URL): z.infer<typeof FileQuerySchema> {
  const parsed = parseForm(FileQuerySchema, url.searchParams);
  if (!parsed.ok) throw notFound('page');
  return parsed.data;
}

const TYPES = { csv: 'text/csv', pdf: 'application/pdf' } as const;

/**
 * A seller's statement as CSV or PDF from payments, passed on as it came (the token stays on the
 * server): downloaded as an attachment, never cached. Not theirs / not there → 404.
 */
export async function proxyStatementFile(
  token: string,
  cooperativeId: string,
  sellerId: string,
  query: z.infer<typeof FileQuerySchema>,
): Promise<Response> {
  let upstream: Response;
  try {
    upstream = await fetchStatementFile(token, cooperativeId, sellerId, query.month, query.format);
  } catch {
    return new Response('payments service unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  }
  if (upstream.status === 401 || upstream.status === 403 || upstream.status === 404) {
    await upstream.body?.cancel();
    throw notFound('page');
  }
  const type = upstream.headers.get('Content-Type') ?? '';
  if (!upstream.ok || !upstream.body || !type.startsWith(TYPES[query.format])) {
    await upstream.body?.cancel();
    console.error(`[web] payments statement.${query.format} answered ${upstream.status} ${type}`);
    return new Response('statement unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  }
  return privateDownload(upstream, type, `laporan-${sellerId}-${query.month}.${query.format}`);
}

const MonthQuery = z.object({ month: MonthSchema });

/**
 * The month of a statement page: `?month=` or this month (WIB); a malformed one is the form's error
 * (400) and no statement is asked for.
 */
export function monthOf(url: URL) {
  const raw = url.searchParams.get('month');
  if (raw === null || raw === '') return { month: jakartaToday().slice(0, 7), error: undefined };
  const parsed = parseForm(MonthQuery, url.searchParams);
  return parsed.ok
    ? { month: parsed.data.month, error: undefined }
    : { month: raw.slice(0, 7), error: parsed.errors.month };
}
