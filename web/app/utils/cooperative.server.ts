import { CooperativeIdSchema } from '@pasar/contracts';
import { isApiError, notFound } from './http.server';
import { getCooperative } from './membership.server';
import type { CooperativeView } from './views';

/** The cooperative of a `/k/:slug` URL, or a 404 Response (a malformed slug is not even looked up). */
export async function requireCooperative(slug: string | undefined): Promise<CooperativeView> {
  if (!CooperativeIdSchema.safeParse(slug).success) throw notFound('cooperative');
  try {
    return await getCooperative(slug as string);
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) throw notFound('cooperative');
    throw error;
  }
}

/** The slug of a `/k/:slug` URL once it has the shape of a cooperative id; a 404 otherwise. */
export function requireSlug(slug: string | undefined): string {
  if (!CooperativeIdSchema.safeParse(slug).success) throw notFound('cooperative');
  return slug as string;
}
