import { z } from 'zod';
import { isMessageKey, type MessageKey, type MessageVars } from '~/utils/i18n';

/**
 * Form schemas carry message KEYS as their error messages ("errors.phone"), so the same schema
 * validates in the action and the page shows the error in the shopper's language.
 */
export type FieldError = MessageKey | { key: MessageKey; vars: MessageVars };
export type FieldErrors = Partial<Record<string, FieldError>>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** The first problem of each field, keyed by the field's name in the form. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    if (errors[field]) continue;
    errors[field] = isMessageKey(issue.message) ? issue.message : 'errors.generic';
  }
  return errors;
}

/** `lists` names the fields that may repeat (checkboxes): they arrive as string arrays. */
export function parseForm<T>(
  schema: z.ZodType<T>,
  form: FormData | URLSearchParams,
  lists: readonly string[] = [],
): FormResult<T> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries())
    if (typeof value === 'string' && !(key in values) && !lists.includes(key)) values[key] = value;
  for (const key of lists) values[key] = form.getAll(key).filter((v): v is string => typeof v === 'string');
  const result = schema.safeParse(values);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, errors: fieldErrorsOf(result.error) };
}

/** A text field that may be left empty: '' becomes undefined. */
export function optionalText(max: number, tooLong: MessageKey = 'errors.tooLong') {
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().trim().max(max, tooLong).optional(),
  );
}

export function requiredText(max: number, tooLong: MessageKey = 'errors.tooLong') {
  return z.string({ error: 'errors.required' }).trim().min(1, 'errors.required').max(max, tooLong);
}

/** A quantity typed by the shopper: whole, 1..999 (the API's own bounds). */
export const QuantitySchema = z.coerce
  .number({ error: 'errors.quantityWhole' })
  .int('errors.quantityWhole')
  .min(1, 'errors.quantityMin')
  .max(999, 'errors.quantityMax');

/** Catalog product ids are 24-hex Mongo ids; anything else is not worth a round trip. */
export const ProductIdSchema = z
  .string({ error: 'errors.invalidForm' })
  .regex(/^[0-9a-f]{24}$/, 'errors.invalidForm');
