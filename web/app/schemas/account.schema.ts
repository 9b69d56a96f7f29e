import { z } from 'zod';
import { PhoneFieldSchema } from './phone';

/**
 * The account forms (/masuk, /atur-sandi, /akun). Error messages are catalogue keys; the same schema
 * validates the action, and its field names are the inputs' names.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const NewPassword = z
  .string({ error: 'errors.required' })
  .min(1, 'errors.required')
  .min(PASSWORD_MIN, 'errors.passwordLength')
  .max(PASSWORD_MAX, 'errors.passwordLength');

export const SignInSchema = z.object({
  phone: PhoneFieldSchema,
  password: z
    .string({ error: 'errors.required' })
    .min(1, 'errors.required')
    .max(PASSWORD_MAX, 'errors.passwordLength'),
  redirectTo: z.string().max(512).optional(),
});
export type SignInForm = z.infer<typeof SignInSchema>;

/** /atur-sandi: phone + the one-time code from a pengurus + the new password twice. */
export const SetPasswordSchema = z
  .object({
    phone: PhoneFieldSchema,
    code: z
      .string({ error: 'errors.required' })
      .trim()
      .min(1, 'errors.required')
      .max(64, 'errors.code')
      .regex(/^[A-Za-z0-9-]+$/, 'errors.code'),
    newPassword: NewPassword,
    confirmPassword: z.string({ error: 'errors.required' }).min(1, 'errors.required'),
  })
  .refine((form) => form.newPassword === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'errors.passwordMismatch',
  });

/** /akun, intent=password */
export const ChangePasswordSchema = z
  .object({
    intent: z.literal('password'),
    currentPassword: z.string({ error: 'errors.required' }).min(1, 'errors.required').max(PASSWORD_MAX),
    newPassword: NewPassword,
    confirmPassword: z.string({ error: 'errors.required' }).min(1, 'errors.required'),
  })
  .refine((form) => form.newPassword === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'errors.passwordMismatch',
  });

/** /akun, intent=erasure: only with the box ticked. */
export const ErasureSchema = z.object({
  intent: z.literal('erasure'),
  confirm: z.literal('yes', { error: 'errors.confirmErasure' }),
});

export const AccountFormSchema = z.discriminatedUnion('intent', [ChangePasswordSchema, ErasureSchema], {
  error: 'errors.invalidForm',
});
