import { CooperativeIdSchema, type CooperativeGrant, OrderIdSchema } from '@pasar/contracts';
import { type Auth, requireAuth, signedOutByService } from './auth.server';
import { isApiError, notFound } from './http.server';
import { hasStaffRole, SECTION_ROLES, type StaffSection } from './staff';

export interface StaffContext {
  auth: Auth;
  cooperativeId: string;
  grant: CooperativeGrant;
}

/**
 * The signed-in person's grant in the cooperative of a /kelola/:slug URL. Not signed in → sign-in page;
 * no staff role there (or not one that opens `section`) → 404, exactly like a cooperative that does not
 * exist, so the staff area cannot be used to probe. Every staff loader and action calls this itself
 * (Remix runs a page's loaders in parallel, so the layout's check does not guard its children).
 */
export async function requireStaff(
  request: Request,
  slug: string | undefined,
  section?: StaffSection,
): Promise<StaffContext> {
  const auth = await requireAuth(request);
  if (!CooperativeIdSchema.safeParse(slug).success) throw notFound('cooperative');
  const grant = auth.person.grants.find((g) => g.cooperativeId === slug);
  if (!grant || !hasStaffRole(grant)) throw notFound('cooperative');
  if (section && !SECTION_ROLES[section].some((role) => grant.roles.includes(role))) throw notFound('page');
  return { auth, cooperativeId: slug as string, grant };
}

/**
 * A staff loader's call to a service with the person's token: 401 (session revoked meanwhile) → sign in
 * again; 403/404 (the service's own rule says no) → the same 404 as above. Other 4xx go to the caller.
 */
export async function staffCall<T>(request: Request, ctx: StaffContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isApiError(error) && error.status === 401) throw await signedOutByService(request, ctx.auth);
    if (isApiError(error) && (error.status === 403 || error.status === 404)) throw notFound('page');
    throw error;
  }
}

/** The order id of a staff URL; a malformed one is the same 404 as an unknown order. */
export function requireOrderId(raw: string | undefined): string {
  const parsed = OrderIdSchema.safeParse(raw);
  if (!parsed.success) throw notFound('staffOrder');
  return parsed.data;
}
