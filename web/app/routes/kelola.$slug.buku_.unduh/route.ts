import type { LoaderFunctionArgs } from '@remix-run/node';
import { proxyReportFile, reportFileQuery } from '~/utils/books-file.server';
import { requireStaff } from '~/utils/staff.server';

/**
 * Resource route: a report of the books as CSV or PDF for the readers (pengurus, pengawas):
 * `?laporan=laba-rugi&tahun=2026&bulan=05&format=pdf` (`akun=` for the buku besar).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'buku');
  const query = reportFileQuery(new URL(request.url));
  return proxyReportFile(ctx.auth.tokens.ledger, ctx.cooperativeId, query);
}
