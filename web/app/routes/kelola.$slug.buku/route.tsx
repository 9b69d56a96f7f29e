import type { LinksFunction } from '@remix-run/node';
import { NavLink, Outlet } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import booksCss from '~/styles/books.css?url';
import { BOOK_REPORTS } from '~/utils/books';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: booksCss }];

/**
 * Buku & laporan (pengurus, pengawas): the overview and each report under one menu. No loader of its
 * own: every page below checks the person itself (Remix runs a page's loaders in parallel).
 */
export default function BooksLayout() {
  const { cooperative } = useStaff();
  const { t } = useI18n();
  const base = `/kelola/${cooperative.slug}/buku`;
  return (
    <>
      <nav className="books-subnav" aria-label={t('books.reports')}>
        <ul>
          <li>
            <NavLink to={base} end>
              {t('books.overview.title')}
            </NavLink>
          </li>
          {BOOK_REPORTS.map((report) => (
            <li key={report}>
              <NavLink to={`${base}/${report}`}>{t(`books.report.${report}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
