import { useRouteLoaderData } from '@remix-run/react';

export interface SellerShell {
  cooperative: { slug: string; marketName: string };
  isSeller: boolean;
}

/** The seller area's cooperative, for the pages inside /jual/:slug. */
export function useSellerShell(): SellerShell {
  const shell = useRouteLoaderData('routes/jual.$slug') as SellerShell | undefined;
  if (!shell) throw new Error('useSellerShell() outside /jual/:slug');
  return shell;
}
