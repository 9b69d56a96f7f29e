import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useRoleNames } from '~/components/role-list';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { formatDateTime } from '~/utils/datetime';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { loadAudit } from './audit.server';

export const loader = (args: LoaderFunctionArgs) => loadAudit(args);

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, 'staff.audit.title') }];

export default function AuditPage() {
  const { entries, nextCursor } = useLoaderData<typeof loader>();
  const { t, lang } = useI18n();
  const roleNames = useRoleNames();
  return (
    <>
      <h1>{t('staff.audit.title')}</h1>
      {entries.length === 0 ? (
        <p>{t('staff.audit.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('staff.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.audit.when')}</th>
                <th scope="col">{t('staff.audit.who')}</th>
                <th scope="col">{t('staff.audit.what')}</th>
                <th scope="col">{t('staff.audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.key} data-testid="audit-entry">
                  <td>{formatDateTime(e.at, lang)}</td>
                  <td>
                    {e.who}
                    {e.roles.length > 0 ? <span className="muted"> ({roleNames(e.roles)})</span> : null}
                  </td>
                  <td>
                    <code>{e.action}</code>
                    <br />
                    <span className="muted">{e.target}</span>
                  </td>
                  <td>
                    {e.before ? <code className="audit-value">{e.before}</code> : '—'}
                    {' → '}
                    {e.after ? <code className="audit-value">{e.after}</code> : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? (
        <p>
          <Link to={`?cursor=${encodeURIComponent(nextCursor)}`} className="button button-secondary">
            {t('list.more')}
          </Link>
        </p>
      ) : null}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
