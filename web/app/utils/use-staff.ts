import { useRouteLoaderData } from '@remix-run/react';
import type { BoardPosition, CooperativeRole } from '@pasar/contracts';
import type { StaffSection } from './staff';

export interface StaffShell {
  cooperative: { slug: string; marketName: string; name: string };
  roles: CooperativeRole[];
  position: BoardPosition | null;
  sections: StaffSection[];
  isKetua: boolean;
}

/** The staff area's cooperative and the person's roles there, for the pages inside /kelola/:slug. */
export function useStaff(): StaffShell {
  const shell = useRouteLoaderData('routes/kelola.$slug') as StaffShell | undefined;
  if (!shell) throw new Error('useStaff() outside /kelola/:slug');
  return shell;
}
