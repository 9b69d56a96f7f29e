import type { FieldErrors } from '~/schemas/form';
import type { ApiError } from './http.server';

/** The fields of a listing form (new and edit), to show again after a refusal. */
export const LISTING_FIELDS = [
  'name',
  'description',
  'category',
  'unit',
  'price',
  'maxPerOrder',
  'stock',
] as const;

/** The form's values to show again (never the file). */
export function valuesOf(form: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, String(form.get(f) ?? '').slice(0, 2000)]));
}

/** What catalog's refusal of a listing means for the form. */
export function listingRefusal(error: ApiError): FieldErrors {
  if (/SUBSID|HET/.test(error.code)) return { category: 'errors.subsidisedOnly' };
  const issues = (error.details as { issues?: { field?: unknown }[] } | undefined)?.issues ?? [];
  const field = issues
    .map((i) => String(i.field ?? '').replace(/^body\./, ''))
    .find((f) => (LISTING_FIELDS as readonly string[]).includes(f));
  return field ? { [field]: 'errors.generic' } : { form: 'errors.generic' };
}
