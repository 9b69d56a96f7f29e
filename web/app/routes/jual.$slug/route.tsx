import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { loadSellerShell } from './seller-shell.server';

export const loader = (args: LoaderFunctionArgs) => loadSellerShell(args);

export const headers: HeadersFunction = ({ parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  merged.set('Cache-Control', 'private, no-store');
  return merged;
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, 'sell.title', { market: data?.cooperative.marketName ?? '' }) },
  { name: 'robots', content: 'noindex' },
];

/** The seller area shell: the market's name and the seller's menu (only the application for a member). */
export default function SellerShell() {
  const { cooperative, isSeller } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const base = `/jual/${cooperative.slug}`;
  return (
    <>
      <nav className="market-nav" aria-label={t('sell.nav', { market: cooperative.marketName })}>
        <p className="market-name">{t('sell.title', { market: cooperative.marketName })}</p>
        <ul>
          {isSeller ? (
            <>
              <li>
                <NavLink to={base} end>
                  {t('sell.section.listings')}
                </NavLink>
              </li>
              <li>
                <NavLink to={`${base}/barang/baru`}>{t('sell.section.new')}</NavLink>
              </li>
              <li>
                <NavLink to={`${base}/penjualan`}>{t('sell.section.sales')}</NavLink>
              </li>
              <li>
                <NavLink to={`${base}/saldo`}>{t('sell.section.balance')}</NavLink>
              </li>
            </>
          ) : (
            <li>
              <NavLink to={`${base}/daftar`}>{t('sell.section.apply')}</NavLink>
            </li>
          )}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
