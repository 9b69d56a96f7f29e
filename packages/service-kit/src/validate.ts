import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { z } from 'zod';
import { issuesFromZod, ValidationError } from './errors';

/**
 * `validate('json', Schema)`: parses the request part with zod, or answers 400 naming the fields.
 * Query and param failures are prefixed with the part (`query.limit`), body fields are bare.
 */
export function validate<T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const prefix = target === 'json' || target === 'form' ? undefined : target;
      throw new ValidationError(issuesFromZod(result.error.issues, prefix));
    }
  });
}
