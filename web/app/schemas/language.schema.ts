import { z } from 'zod';
import { LANGS } from '~/utils/i18n';

/** Only same-site paths: "/k/x?y" yes, "//evil.example" or "https://…" no (falls back to "/"). */
const SafePathSchema = z
  .string()
  .regex(/^\/(?!\/)[^\\]*$/)
  .catch('/');

/** The language switch in the header: two submit buttons name="lang", and the page to return to. */
export const LanguageSchema = z.object({
  lang: z.enum(LANGS, { error: 'errors.invalidForm' }),
  redirectTo: SafePathSchema,
});
