import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { NotaView } from '~/components/nota-view';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { requireSlug } from '~/utils/cooperative.server';
import { getShopperNota } from '~/utils/fulfilment.server';
import { pageTitle } from '~/utils/meta';
import { notaOr404 } from '~/utils/nota.server';
import { notFound } from '~/utils/http.server';
import { requireOrderAccess } from '~/utils/order-access.server';
import { getOrder } from '~/utils/orders.server';
import { getSession } from '~/utils/session.server';

/** "Cetak nota": the shopper's receipt of an order this browser holds the token of, to print. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug);
  const { orderId, token } = requireOrderAccess(await getSession(request), params.orderId);
  const [order, nota] = await Promise.all([
    notaOr404(() => getOrder(orderId, token)),
    notaOr404(() => getShopperNota(orderId, token)),
  ]);
  if (order.cooperativeId !== slug) throw notFound('nota');
  const back = `/k/${slug}/pesanan/${orderId}`;
  return data({ nota, back, pdf: `${back}/nota.pdf` }, { headers: { 'Cache-Control': 'no-store' } });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, 'nota.title', { number: data?.nota.notaNumber ?? '' }) },
  { name: 'robots', content: 'noindex' },
  { name: 'referrer', content: 'no-referrer' },
];

export default function ShopperNotaPage() {
  const { nota, back, pdf } = useLoaderData<typeof loader>();
  return <NotaView nota={nota} backTo={back} pdfHref={pdf} />;
}

export const ErrorBoundary = RouteErrorBoundary;
