import { MobilePhoneInputSchema } from '../domain/phone';
import { z } from '@hono/zod-openapi';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/password';
import { JS_SPACE_CLASS } from '../domain/patterns';
import { PersonViewSchema } from './views.schemas';

/** 32 random bytes, base64url: exactly 43 characters. */
export const SessionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a session id this API returned');

/**
 * A string whose length is counted in Unicode code points, as JSON Schema's minLength/maxLength
 * count it (zod's .min/.max count UTF-16 units, which would refuse 100 emoji the document allows).
 */
const codePoints = (min: number, max: number, tooShort: string) =>
  z
    .string()
    .superRefine((s, ctx) => {
      const length = [...s].length;
      if (length < min) ctx.addIssue({ code: 'custom', message: tooShort });
      else if (length > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters` });
    })
    .openapi({ minLength: min, maxLength: max });

/**
 * A password being chosen: the length rule is in the schema (400 names the field); a password on
 * the common-password list is refused with 409 PASSWORD.TOO_COMMON by the use case.
 */
export const NewPasswordSchema = codePoints(
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
  `must be at least ${PASSWORD_MIN_LENGTH} characters`,
);

/** A password being checked: anything up to the maximum length (longer cannot be one of ours). */
const GivenPasswordSchema = codePoints(1, PASSWORD_MAX_LENGTH, 'is required');

export const SignInBody = z.strictObject({
  phone: MobilePhoneInputSchema,
  password: GivenPasswordSchema,
  previousSessionId: SessionIdSchema.optional(),
});

export const SessionBody = z.strictObject({ sessionId: SessionIdSchema });

export const ChangePasswordBody = z.strictObject({
  currentPassword: GivenPasswordSchema,
  newPassword: NewPasswordSchema,
});

export const ResetBody = z.strictObject({
  phone: MobilePhoneInputSchema,
  code: z
    .string()
    .max(20)
    .regex(
      new RegExp(`^[0-9A-Za-z${JS_SPACE_CLASS}-]{12,20}$`),
      'must be the 12-character code from your pengurus, e.g. 7KQ2-M9XD-4HTB',
    ),
  newPassword: NewPasswordSchema,
});

export const SignInResponse = z
  .object({
    session: z.object({ id: z.string(), expiresAt: z.string(), idleTimeoutSeconds: z.number().int() }),
    person: PersonViewSchema,
  })
  .openapi('SignIn');

export const TokensResponse = z
  .object({
    tokens: z.object({
      catalog: z.string(),
      orders: z.string(),
      payments: z.string(),
      membership: z.string(),
      ledger: z.string(),
    }),
    expiresIn: z.number().int(),
    person: PersonViewSchema,
  })
  .openapi('AccessTokens');

export const JwksResponse = z
  .object({
    keys: z.array(
      z.looseObject({
        kty: z.string(),
        crv: z.string().optional(),
        x: z.string().optional(),
        kid: z.string().optional(),
      }),
    ),
  })
  .openapi('JWKS');
