import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { requireCooperative } from '~/utils/cooperative.server';
import { isKetuaGrant, sectionsFor } from '~/utils/staff';
import { requireStaff } from '~/utils/staff.server';

/** The staff area of one cooperative: only for its staff (others get 404); the menu follows the roles. */
export async function loadStaffShell({ request, params }: LoaderFunctionArgs) {
  const { grant } = await requireStaff(request, params.slug);
  const cooperative = await requireCooperative(params.slug);
  return data(
    {
      cooperative: { slug: cooperative.slug, marketName: cooperative.marketName, name: cooperative.name },
      roles: grant.roles,
      position: grant.position ?? null,
      sections: sectionsFor(grant),
      isKetua: isKetuaGrant(grant),
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
