import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { type FieldErrors, parseForm } from '~/schemas/form';
import {
  ArchiveSchema,
  EditListingSchema,
  MAX_PHOTOS,
  RemovePhotoSchema,
  StockChangeSchema,
} from '~/schemas/seller.schema';
import {
  adjustStock,
  listingHistory,
  listMyListings,
  setPhotos,
  updateListing,
} from '~/utils/catalog-sellers.server';
import { isApiError, notFound } from '~/utils/http.server';
import type { MessageKey } from '~/utils/i18n';
import { listingRefusal, valuesOf } from '~/utils/listing-form.server';
import { addPhoto, photoOf, photoRefusal, tooLargeToRead } from '~/utils/photo-upload.server';
import { memberCall, requireSeller, type SellerContext } from '~/utils/seller.server';
import { commitSession, flashNotice, getSession, takeNotice } from '~/utils/session.server';

function requireProductId(raw: string | undefined): string {
  if (!raw || !/^[0-9a-f]{24}$/.test(raw)) throw notFound('product');
  return raw;
}

/**
 * The listing, if it is this seller's: catalog answers only their own in the list, and 404 for the
 * history of another seller's product (both become the 404 page).
 */
async function ownListing(request: Request, ctx: SellerContext, productId: string) {
  const [listings, history] = await Promise.all([
    memberCall(request, ctx.auth, () => listMyListings(ctx.auth.tokens.catalog, ctx.cooperativeId)),
    memberCall(request, ctx.auth, () => listingHistory(ctx.auth.tokens.catalog, productId)),
  ]);
  const listing = listings.find((p) => p.id === productId);
  if (!listing) throw notFound('product');
  return { listing, history };
}

/** One of the seller's listings: edit, photos, stock, archive, and its history. */
export async function loadListing({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireSeller(request, params.slug);
  const productId = requireProductId(params.productId);
  const { listing, history } = await ownListing(request, ctx, productId);
  const session = await getSession(request);
  const notice = takeNotice(session);
  return data(
    {
      listing: {
        id: listing.id,
        name: listing.name,
        description: listing.description,
        category: listing.category,
        unit: listing.unit,
        price: listing.price,
        maxPerOrder: listing.maxPerOrder,
        status: listing.status,
        stock: listing.stock,
        review: listing.review ?? null,
        photos: listing.photos ?? [],
      },
      history,
      me: ctx.auth.person.personId,
      notice,
    },
    {
      headers: {
        'Cache-Control': 'private, no-store',
        ...(notice ? { 'Set-Cookie': await commitSession(session) } : {}),
      },
    },
  );
}

type Intent = 'edit' | 'stock' | 'archive' | 'photo' | 'remove-photo';

/** The forms of a listing page, by `intent`; each answers its own errors or redirects back with a notice. */
export async function listingAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireSeller(request, params.slug);
  const productId = requireProductId(params.productId);
  const here = `/jual/${ctx.cooperativeId}/barang/${productId}`;
  const fail = (intent: Intent, status: 400 | 409 | 413, errors: FieldErrors, values = {}) =>
    data({ intent, errors, values: values as Record<string, string> }, { status });
  if (tooLargeToRead(request)) return fail('photo', 413, { photo: 'errors.photoTooLarge' });
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '') as Intent;
  const token = ctx.auth.tokens.catalog;
  const done = async (key: MessageKey) => {
    const session = await getSession(request);
    flashNotice(session, key);
    return redirect(intent === 'archive' ? `/jual/${ctx.cooperativeId}` : here, {
      headers: { 'Set-Cookie': await commitSession(session) },
    });
  };
  const call = (fn: () => Promise<unknown>) => memberCall(request, ctx.auth, fn);
  const refused = (error: unknown) =>
    isApiError(error) && (error.status === 400 || error.status === 409 || error.status === 422);

  if (intent === 'edit') {
    const values = valuesOf(form, ['name', 'description', 'price', 'maxPerOrder']);
    const parsed = parseForm(EditListingSchema, form);
    if (!parsed.ok) return fail(intent, 400, parsed.errors, values);
    const { intent: _, ...change } = parsed.data;
    try {
      await call(() => updateListing(token, productId, change));
    } catch (error) {
      if (isApiError(error) && refused(error)) return fail(intent, 400, listingRefusal(error), values);
      throw error;
    }
    return done('sell.listing.saved');
  }
  if (intent === 'stock') {
    const values = valuesOf(form, ['direction', 'quantity', 'reason', 'note']);
    const parsed = parseForm(StockChangeSchema, form);
    if (!parsed.ok) return fail(intent, 400, parsed.errors, values);
    const { direction, quantity, reason, note } = parsed.data;
    try {
      await call(() =>
        adjustStock(token, productId, { quantity: direction === 'in' ? quantity : -quantity, reason, note }),
      );
    } catch (error) {
      if (refused(error)) return fail(intent, 409, { quantity: 'errors.stockBelowZero' }, values);
      throw error;
    }
    return done('sell.stock.saved');
  }
  if (intent === 'archive') {
    if (!parseForm(ArchiveSchema, form).ok) return fail(intent, 400, { form: 'errors.invalidForm' });
    try {
      await call(() => updateListing(token, productId, { status: 'archived' }));
    } catch (error) {
      if (refused(error)) return fail(intent, 409, { form: 'sell.listing.cannotArchive' });
      throw error;
    }
    return done('sell.listing.archived');
  }
  if (intent === 'photo' || intent === 'remove-photo') {
    const { listing } = await ownListing(request, ctx, productId);
    const current = (listing.photos ?? []).map((p) => p.photoId);
    if (intent === 'remove-photo') {
      const parsed = parseForm(RemovePhotoSchema, form);
      if (!parsed.ok) return fail(intent, 400, parsed.errors);
      await call(() =>
        setPhotos(
          token,
          productId,
          current.filter((id) => id !== parsed.data.photoId),
        ),
      );
      return done('sell.photo.removed');
    }
    const photo = photoOf(form);
    if (!photo) return fail(intent, 400, { photo: 'errors.photoRequired' });
    if ('error' in photo) return fail(intent, 400, { photo: photo.error });
    if (current.length >= MAX_PHOTOS) return fail(intent, 409, { photo: 'errors.photoTooMany' });
    try {
      await call(() => addPhoto(token, ctx.cooperativeId, productId, current, photo));
    } catch (error) {
      const why = photoRefusal(error);
      if (why) return fail(intent, 400, { photo: why });
      throw error;
    }
    return done('sell.photo.added');
  }
  return fail('edit', 400, { form: 'errors.invalidForm' });
}
