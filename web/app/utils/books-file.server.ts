import { z } from 'zod';
import { parseForm } from '~/schemas/form';
import { BOOK_REPORTS, type BookPeriod, type BookReport, MONTHS } from './books';
import { fetchReportFile } from './books.server';
import { notFound } from './http.server';
import { privateDownload } from './nota.server';

const FileQuerySchema = z.object({
  laporan: z.enum(BOOK_REPORTS),
  tahun: z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100),
  bulan: z
    .enum(['', ...MONTHS])
    .optional()
    .transform((m) => (m ? m : null)),
  akun: z
    .string()
    .regex(/^\d-\d{4}$/)
    .optional(),
  format: z.enum(['csv', 'pdf']),
});

export interface ReportFileQuery {
  report: BookReport;
  period: BookPeriod;
  account?: string;
  format: 'csv' | 'pdf';
}

/** The download's query; anything malformed (or a buku besar without its account) is a 404, no call made. */
export function reportFileQuery(url: URL): ReportFileQuery {
  const parsed = parseForm(FileQuerySchema, url.searchParams);
  if (!parsed.ok) throw notFound('page');
  const q = parsed.data;
  if (q.laporan === 'buku-besar' && !q.akun) throw notFound('page');
  return {
    report: q.laporan,
    period: { year: q.tahun, month: q.bulan },
    account: q.laporan === 'buku-besar' ? q.akun : undefined,
    format: q.format,
  };
}

const TYPES = { csv: 'text/csv', pdf: 'application/pdf' } as const;

/**
 * A report file from the ledger passed on as it came (the token stays on the server): an attachment,
 * never cached. Not theirs / not there → 404; the ledger down or answering something else → 503.
 */
export async function proxyReportFile(
  token: string,
  cooperativeId: string,
  q: ReportFileQuery,
): Promise<Response> {
  let upstream: Response;
  try {
    upstream = await fetchReportFile(token, cooperativeId, q.report, q.period, q.format, q.account);
  } catch {
    return new Response('ledger service unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  }
  if (upstream.status === 401 || upstream.status === 403 || upstream.status === 404) {
    await upstream.body?.cancel();
    throw notFound('page');
  }
  const type = upstream.headers.get('Content-Type') ?? '';
  if (!upstream.ok || !upstream.body || !type.startsWith(TYPES[q.format])) {
    await upstream.body?.cancel();
    console.error(`[web] ledger report ${q.report}.${q.format} answered ${upstream.status} ${type}`);
    return new Response('report unavailable', { status: 503, headers: { 'Retry-After': '10' } });
  }
  const span = q.period.month ? `${q.period.year}-${q.period.month}` : String(q.period.year);
  return privateDownload(upstream, type, `${q.report}-${cooperativeId}-${span}.${q.format}`);
}
