import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { listCooperatives } from '~/utils/membership.server';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'directory.title') }];

export async function loader() {
  return { cooperatives: await listCooperatives() };
}

export default function Directory() {
  const { cooperatives } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('directory.title')}</h1>
      <p className="lead">{t('directory.intro')}</p>
      {cooperatives.length === 0 ? (
        <p>{t('directory.empty')}</p>
      ) : (
        <ul className="card-list" aria-label={t('directory.title')}>
          {cooperatives.map((coop) => (
            <li key={coop.cooperativeId} className="card">
              <h2>
                <Link to={`/k/${coop.slug}`}>{coop.marketName}</Link>
              </h2>
              <p>{coop.name}</p>
              <p className="muted">
                {coop.ward}, {coop.city}
              </p>
              <p>{coop.description}</p>
              <p className="badge badge-info">
                {coop.deliveryEnabled
                  ? t('directory.delivery', { fee: formatRupiah(coop.deliveryFee) })
                  : t('directory.pickupOnly')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
