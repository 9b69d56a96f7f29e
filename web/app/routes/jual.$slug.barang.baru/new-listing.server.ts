import { randomBytes } from 'node:crypto';
import { CATEGORIES, UNITS } from '@pasar/contracts';
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { type FieldErrors, parseForm } from '~/schemas/form';
import { NewListingSchema } from '~/schemas/seller.schema';
import { createListing } from '~/utils/catalog-sellers.server';
import { isApiError } from '~/utils/http.server';
import { LISTING_FIELDS, listingRefusal, valuesOf } from '~/utils/listing-form.server';
import { addPhoto, photoOf, tooLargeToRead } from '~/utils/photo-upload.server';
import { memberCall, requireSeller } from '~/utils/seller.server';
import { commitSession, flashNotice, getSession } from '~/utils/session.server';

export async function loadNewListing({ request, params }: LoaderFunctionArgs) {
  await requireSeller(request, params.slug);
  return data(
    { options: { categories: CATEGORIES, units: UNITS } },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}

/** "Tambah barang": the listing (waiting for review), then its first photo if one was chosen. */
export async function newListingAction({ request, params }: ActionFunctionArgs) {
  const ctx = await requireSeller(request, params.slug);
  const fail = (status: 400 | 409 | 413, errors: FieldErrors, values: Record<string, string> = {}) =>
    data({ errors, values }, { status });
  if (tooLargeToRead(request)) return fail(413, { photo: 'errors.photoTooLarge' });
  const form = await request.formData();
  const values = valuesOf(form, LISTING_FIELDS);
  const parsed = parseForm(NewListingSchema, form);
  const photo = photoOf(form);
  const photoError = photo && 'error' in photo ? { photo: photo.error } : {};
  if (!parsed.ok || 'photo' in photoError)
    return fail(400, { ...(parsed.ok ? {} : parsed.errors), ...photoError }, values);
  const token = ctx.auth.tokens.catalog;
  let productId: string;
  try {
    const created = await memberCall(request, ctx.auth, () =>
      createListing(token, ctx.cooperativeId, {
        ...parsed.data,
        sku: `JUAL-${randomBytes(5).toString('hex').toUpperCase()}`,
      }),
    );
    productId = created.id;
  } catch (error) {
    if (isApiError(error) && (error.status === 400 || error.status === 409 || error.status === 422))
      return fail(400, listingRefusal(error), values);
    throw error;
  }
  const session = await getSession(request);
  let notice: 'sell.listing.created' | 'sell.listing.createdPhotoFailed' = 'sell.listing.created';
  if (photo && !('error' in photo)) {
    try {
      await addPhoto(token, ctx.cooperativeId, productId, [], photo);
    } catch (error) {
      // The listing exists: a refused photo, or catalog not answering the upload, is said on its page,
      // where it can be tried again (never the 503 page for a listing that was made).
      const unavailable = error instanceof Response && error.status === 503;
      if (!unavailable && (!isApiError(error) || error.status === 401)) throw error;
      notice = 'sell.listing.createdPhotoFailed';
    }
  }
  flashNotice(session, notice, { name: parsed.data.name });
  return redirect(`/jual/${ctx.cooperativeId}/barang/${productId}`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}
