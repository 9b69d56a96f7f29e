import { useRouteLoaderData } from '@remix-run/react';
import type { CooperativeView } from './views';

/** The cooperative of the current /k/:slug page, from the market layout's loader. */
export function useMarket(): CooperativeView {
  const data = useRouteLoaderData('routes/k.$slug') as { cooperative: CooperativeView } | undefined;
  if (!data) throw new Error('useMarket() used outside /k/:slug');
  return data.cooperative;
}
