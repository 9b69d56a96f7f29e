import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { loadMarket } from './market.server';

export const loader = (args: LoaderFunctionArgs) => loadMarket(args);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, null, undefined, data?.cooperative.marketName) },
];

/** Layout of one cooperative's market: its name and menu above every page of /k/:slug. */
export default function Market() {
  const { cooperative, cartCount } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const base = `/k/${cooperative.slug}`;
  return (
    <>
      <nav className="market-nav" aria-label={t('market.nav', { market: cooperative.marketName })}>
        <p className="market-name">{cooperative.marketName}</p>
        <ul>
          <li>
            <NavLink to={base} end>
              {t('market.home')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`${base}/cari`}>{t('market.search')}</NavLink>
          </li>
          <li>
            <NavLink to={`${base}/keranjang`} data-testid="cart-link">
              {cartCount > 0 ? t('market.cartWithCount', { count: cartCount }) : t('market.cart')}
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
