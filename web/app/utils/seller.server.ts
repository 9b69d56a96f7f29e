import { type CooperativeGrant, CooperativeIdSchema } from '@pasar/contracts';
import { redirect } from '@remix-run/node';
import { type Auth, requireAuth, signedOutByService } from './auth.server';
import { listMyListings } from './catalog-sellers.server';
import { isApiError, notFound } from './http.server';
import { myApplications } from './sellers.server';

export interface MemberContext {
  auth: Auth;
  cooperativeId: string;
  grant: CooperativeGrant;
  isSeller: boolean;
}
export interface SellerContext extends MemberContext {
  /** The member id the seller's products and consignment carry (null: not known yet, see sellerIdOf). */
  sellerId: string | null;
}

/**
 * A member of the cooperative of a /jual/:slug URL (anggota or penjual). Not signed in → sign-in page;
 * not a member there → 404, as for a cooperative that does not exist.
 */
export async function requireMember(request: Request, slug: string | undefined): Promise<MemberContext> {
  const auth = await requireAuth(request);
  if (!CooperativeIdSchema.safeParse(slug).success) throw notFound('cooperative');
  const grant = auth.person.grants.find((g) => g.cooperativeId === slug);
  if (!grant?.roles.some((r) => r === 'anggota' || r === 'penjual')) throw notFound('cooperative');
  return { auth, cooperativeId: slug as string, grant, isSeller: grant.roles.includes('penjual') };
}

/**
 * A call with the person's token from a member's page: 401 (session revoked) → sign in again; 403/404
 * (not theirs, or not there) → the 404 page. Other 4xx go to the caller.
 */
export async function memberCall<T>(request: Request, auth: Auth, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isApiError(error) && error.status === 401) throw await signedOutByService(request, auth);
    if (isApiError(error) && (error.status === 403 || error.status === 404)) throw notFound('page');
    throw error;
  }
}

/**
 * The seller's id: membership's approved application names it; a seller registered before
 * applications existed (the demo's) is found through their own listings. Null when neither knows.
 */
async function sellerIdOf(ctx: MemberContext): Promise<string | null> {
  const applications = await myApplications(ctx.auth.tokens.membership, ctx.cooperativeId).catch(
    (error: unknown) => {
      if (isApiError(error) && error.status === 404) return [];
      throw error;
    },
  );
  // The seller id is the applicant's member id.
  const approved = applications.find((a) => a.status === 'approved');
  if (approved) return approved.memberId;
  const listings = await listMyListings(ctx.auth.tokens.catalog, ctx.cooperativeId);
  return listings[0]?.sellerId ?? null;
}

/**
 * A penjual of the cooperative of a /jual/:slug URL. A member who does not sell (yet) is sent to the
 * application form; not a member → 404. `withId` also finds their seller id (consignment pages).
 */
export async function requireSeller(request: Request, slug: string | undefined): Promise<SellerContext> {
  const ctx = await requireMember(request, slug);
  if (!ctx.isSeller) throw redirect(`/jual/${ctx.cooperativeId}/daftar`);
  return { ...ctx, sellerId: null };
}

/** A penjual and their seller id; a seller membership and catalog do not know (yet) is a 404. */
export async function requireSellerId(
  request: Request,
  slug: string | undefined,
): Promise<SellerContext & { sellerId: string }> {
  const ctx = await requireSeller(request, slug);
  const sellerId = await memberCall(request, ctx.auth, () => sellerIdOf(ctx));
  if (!sellerId) throw notFound('seller');
  return { ...ctx, sellerId };
}
