import { z } from 'zod';

/**
 * JavaScript's `\s` (WhiteSpace and LineTerminator: what `trim()` and `\s` remove), spelled out for
 * use inside a character class. OpenAPI patterns are read by other regex dialects too (schemathesis
 * reads them with Python's `re`, where `\s` is narrower or wider): a pattern that spells its
 * characters out means the same everywhere. patterns.test.ts checks it against `\s`.
 */
export { JS_SPACE_CLASS } from '@pasar/contracts';
import { JS_SPACE_CLASS } from '@pasar/contracts';

/**
 * Free text that is trimmed before it is stored and must keep at least 2 characters: the schema
 * says so with a pattern (non-space first and last character) and a maxLength, both counted in code
 * points (the `u` flag), as JSON Schema counts them; the value stored is the trimmed text.
 */
export function trimmedText(max: number) {
  const pattern = new RegExp(
    `^[${JS_SPACE_CLASS}]*[^${JS_SPACE_CLASS}][\\s\\S]*[^${JS_SPACE_CLASS}][${JS_SPACE_CLASS}]*$`,
    'u',
  );
  return z
    .string()
    .superRefine((s, ctx) => {
      if ([...s].length > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters` });
      else if (!pattern.test(s))
        ctx.addIssue({ code: 'custom', message: 'must have at least 2 characters besides spaces' });
    })
    .transform((s) => s.trim())
    .meta({ maxLength: max, pattern: pattern.source });
}
