import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { RouteErrorBoundary } from '~/components/route-error-boundary';
import { requireStaff } from '~/utils/staff.server';
import { useI18n } from '~/utils/use-i18n';
import { useStaff } from '~/utils/use-staff';

/** Guarded on its own: Remix runs this loader in parallel with the shell's. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request, params.slug);
  return null;
}

export default function StaffHome() {
  const { cooperative, sections } = useStaff();
  const { t } = useI18n();
  return (
    <>
      <h1>{t('staff.title', { market: cooperative.marketName })}</h1>
      <p>{t('staff.welcome')}</p>
      <ul className="card-list">
        {sections.map((section) => (
          <li key={section} className="card">
            <h2>
              <Link to={`/kelola/${cooperative.slug}/${section}`}>{t(`staff.section.${section}`)}</Link>
            </h2>
          </li>
        ))}
      </ul>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
