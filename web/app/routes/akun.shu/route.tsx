import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formatDay } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { formatRupiah } from '~/utils/money';
import { useI18n } from '~/utils/use-i18n';
import { loadMyShu } from './my-shu.server';

export const loader = (args: LoaderFunctionArgs) => loadMyShu(args);

export const headers: HeadersFunction = ({ loaderHeaders, parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  merged.set('Cache-Control', loaderHeaders.get('Cache-Control') ?? 'private, no-store');
  return merged;
};

export const meta: MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, 'account.shu.title') },
  { name: 'robots', content: 'noindex' },
];

export default function MyShuPage() {
  const { cooperatives } = useLoaderData<typeof loader>();
  const { t, lang } = useI18n();
  return (
    <>
      <h1>{t('account.shu.title')}</h1>
      <p className="muted">{t('account.shu.intro')}</p>
      {cooperatives.length === 0 ? <p>{t('account.shu.notMember')}</p> : null}
      {cooperatives.map((c) => (
        <section key={c.cooperativeId} aria-labelledby={`shu-${c.cooperativeId}`}>
          <h2 id={`shu-${c.cooperativeId}`}>{c.name}</h2>
          {!c.recorded ? (
            <p>{t('account.shu.notRecorded')}</p>
          ) : c.runs.length === 0 ? (
            <p>{t('account.shu.none')}</p>
          ) : (
            <ul className="card-list">
              {c.runs.map((r) => (
                <li key={r.year} className="card" data-testid="my-shu">
                  <h3>{t('account.shu.year', { year: String(r.year) })}</h3>
                  <p className="muted">
                    {t(`staff.shu.status.${r.status}`)}
                    {r.ratDate ? ` · ${t('account.shu.rat', { date: formatDay(r.ratDate, lang) })}` : ''}
                  </p>
                  {r.member ? (
                    <dl className="facts">
                      <dt>{t('staff.shu.savings')}</dt>
                      <dd>{formatRupiah(r.member.savings)}</dd>
                      <dt>{t('staff.shu.transactions')}</dt>
                      <dd>{formatRupiah(r.member.transactions)}</dd>
                      <dt>{t('staff.shu.jasaModal')}</dt>
                      <dd>{formatRupiah(r.member.jasaModal)}</dd>
                      <dt>{t('staff.shu.jasaUsaha')}</dt>
                      <dd>{formatRupiah(r.member.jasaUsaha)}</dd>
                      <dt>{t('account.shu.mine')}</dt>
                      <dd>
                        <strong data-testid="my-shu-total">{formatRupiah(r.member.total)}</strong>
                      </dd>
                    </dl>
                  ) : (
                    <p>{t('account.shu.noLine')}</p>
                  )}
                  <p className="muted">
                    {t('account.shu.pools', {
                      shu: formatRupiah(r.shu),
                      jm: formatRupiah(r.jasaModalPool),
                      ju: formatRupiah(r.jasaUsahaPool),
                    })}
                  </p>
                  {r.distributedTo ? <p>{t(`account.shu.to.${r.distributedTo}`)}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p>
        <Link to="/akun">{t('account.shu.back')}</Link>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
