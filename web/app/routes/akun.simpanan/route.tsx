import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { SavingsHistory, SavingsSummary } from '../kelola.$slug.simpanan/savings-view';
import { loadMySavings } from './my-savings.server';

export const loader = (args: LoaderFunctionArgs) => loadMySavings(args);

export const headers: HeadersFunction = ({ parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  merged.set('Cache-Control', 'private, no-store');
  return merged;
};

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'mySavings.title') },
  { name: 'robots', content: 'noindex' },
];

/** The member's own savings per cooperative: balances, wajib arrears and history. Read only. */
export default function MySavingsPage() {
  const { cooperatives } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const link = (cooperativeId: string, before?: number) =>
    `/akun/simpanan?${new URLSearchParams({ koperasi: cooperativeId, ...(before ? { sebelum: String(before) } : {}) })}#savings-${cooperativeId}`;
  return (
    <>
      <h1>{t('mySavings.title')}</h1>
      <p className="muted">{t('mySavings.intro')}</p>
      {cooperatives.length === 0 ? <p>{t('mySavings.none')}</p> : null}
      {cooperatives.map((c) => (
        <section
          key={c.cooperativeId}
          aria-labelledby={`savings-${c.cooperativeId}`}
          className="card"
          data-testid="my-savings"
        >
          <h2 id={`savings-${c.cooperativeId}`}>{t('mySavings.in', { market: c.market })}</h2>
          {c.savings ? (
            <>
              <SavingsSummary savings={c.savings} />
              <SavingsHistory
                savings={c.savings}
                olderTo={(before) => link(c.cooperativeId, before)}
                newestTo={c.paged ? link(c.cooperativeId) : undefined}
              />
            </>
          ) : (
            <p>{t('mySavings.notLinked', { market: c.market })}</p>
          )}
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
