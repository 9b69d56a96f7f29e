import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { NavLink, Outlet, useLoaderData } from '@remix-run/react';
import { useRoleNames } from '~/components/role-list';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { pageTitle } from '~/utils/meta';
import { useI18n } from '~/utils/use-i18n';
import { loadStaffShell } from './staff-shell.server';

export const loader = (args: LoaderFunctionArgs) => loadStaffShell(args);

export const headers: HeadersFunction = ({ parentHeaders }) => {
  const merged = new Headers(parentHeaders);
  merged.set('Cache-Control', 'private, no-store');
  return merged;
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: pageTitle(matches, 'staff.title', { market: data?.cooperative.marketName ?? '' }) },
  { name: 'robots', content: 'noindex' },
];

/** The staff area shell: the cooperative, the person's roles there, and only the sections those roles open. */
export default function StaffShell() {
  const { cooperative, roles, position, sections } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const roleNames = useRoleNames();
  const base = `/kelola/${cooperative.slug}`;
  return (
    <>
      <nav className="market-nav" aria-label={t('staff.nav', { market: cooperative.marketName })}>
        <p className="market-name">{t('staff.title', { market: cooperative.marketName })}</p>
        <ul>
          <li>
            <NavLink to={base} end>
              {t('staff.home')}
            </NavLink>
          </li>
          {sections.map((section) => (
            <li key={section}>
              <NavLink to={`${base}/${section}`}>{t(`staff.section.${section}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <p className="muted">{t('staff.yourRoles', { roles: roleNames(roles, position) })}</p>
      <Outlet />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
