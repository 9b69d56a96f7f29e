import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { NotaView } from '~/components/nota-view';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { getStaffNota } from '~/utils/fulfilment.server';
import { pageTitle } from '~/utils/meta';
import { notaOr404 } from '~/utils/nota.server';
import { requireOrderId, requireStaff, staffCall } from '~/utils/staff.server';

/** The nota of an order for the cooperative's staff, to print (outside the staff shell: paper needs no menu). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'pesanan');
  const orderId = requireOrderId(params.orderId);
  const nota = await staffCall(request, ctx, () =>
    notaOr404(() => getStaffNota(ctx.auth.tokens.orders, ctx.cooperativeId, orderId)),
  );
  const back = `/kelola/${ctx.cooperativeId}/pesanan/${orderId}`;
  return data({ nota, back, pdf: `${back}/nota.pdf` }, { headers: { 'Cache-Control': 'private, no-store' } });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, 'nota.title', { number: data?.nota.notaNumber ?? '' }) },
  { name: 'robots', content: 'noindex' },
];

export default function StaffNotaPage() {
  const { nota, back, pdf } = useLoaderData<typeof loader>();
  return <NotaView nota={nota} backTo={back} pdfHref={pdf} />;
}

export const ErrorBoundary = RouteErrorBoundary;
