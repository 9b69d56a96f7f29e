import { clearSessionCookie, getAuth } from './auth.server';
import { listCooperatives } from './membership.server';
import { hasStaffRole } from './staff';

/** What the site header needs to know about the person: their name and where they may go to work. */
export interface HeaderAccount {
  name: string;
  manage: { slug: string; market: string }[];
  /** Cooperatives where the person is a member: their seller pages (or the application to sell). */
  sell: { slug: string; market: string; isSeller: boolean }[];
}

/**
 * For the root loader: the signed-in person for the header, or null. A session that ended gets its cookie
 * cleared and `expired` (the page says "Sesi Anda berakhir"). Membership being down never breaks shopping:
 * the header then just shows no account.
 */
export async function headerAccount(
  request: Request,
): Promise<{ account: HeaderAccount | null; expired: boolean; setCookie?: string }> {
  let state: Awaited<ReturnType<typeof getAuth>>;
  try {
    state = await getAuth(request);
  } catch {
    return { account: null, expired: false };
  }
  if (state.status === 'anonymous') return { account: null, expired: false };
  if (state.status === 'expired')
    return { account: null, expired: true, setCookie: await clearSessionCookie() };
  const staffGrants = state.person.grants.filter(hasStaffRole);
  const memberGrants = state.person.grants.filter((g) =>
    g.roles.some((r) => r === 'anggota' || r === 'penjual'),
  );
  let names: Record<string, string> = {};
  if (staffGrants.length > 0 || memberGrants.length > 0) {
    names = await listCooperatives()
      .then((list) => Object.fromEntries(list.map((c) => [c.cooperativeId, c.marketName])))
      .catch(() => ({}));
  }
  return {
    account: {
      name: state.person.name,
      manage: staffGrants.map((g) => ({
        slug: g.cooperativeId,
        market: names[g.cooperativeId] ?? g.cooperativeId,
      })),
      sell: memberGrants.map((g) => ({
        slug: g.cooperativeId,
        market: names[g.cooperativeId] ?? g.cooperativeId,
        isSeller: g.roles.includes('penjual'),
      })),
    },
    expired: false,
  };
}
