import { MobilePhoneSchema } from '@pasar/contracts';
import { z } from '@hono/zod-openapi';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../domain/password';
import { PersonViewSchema } from './views.schemas';

/** 32 random bytes, base64url: exactly 43 characters. */
export const SessionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a session id this API returned');

/** A password being chosen: the policy (length, common passwords) names the reason. */
export const NewPasswordSchema = z.string().superRefine((s, ctx) => {
  const problem = passwordProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A password being checked: anything up to the maximum length (longer cannot be one of ours). */
const GivenPasswordSchema = z.string().min(1, 'is required').max(PASSWORD_MAX_LENGTH);

export const SignInBody = z.strictObject({
  phone: MobilePhoneSchema,
  password: GivenPasswordSchema,
  previousSessionId: SessionIdSchema.optional(),
});

export const SessionBody = z.strictObject({ sessionId: SessionIdSchema });

export const ChangePasswordBody = z.strictObject({
  currentPassword: GivenPasswordSchema,
  newPassword: NewPasswordSchema,
});

export const ResetBody = z.strictObject({
  phone: MobilePhoneSchema,
  code: z
    .string()
    .max(20)
    .regex(
      /^[0-9A-Za-z\s-]{12,20}$/,
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
