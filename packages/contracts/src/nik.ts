import { z } from 'zod';

/**
 * NIK: the 16-digit national ID number. Sensitive personal data (UU PDP No. 27/2022): services
 * keep only its keyed hash (service-kit `hashNik`) and never log, echo or publish the number.
 * Browser-safe (no node crypto), so the web validates with the same rule as the services.
 */
export const NIK_PATTERN = /^[0-9]{16}$/;
export const NikSchema = z.string().regex(NIK_PATTERN, 'must be exactly 16 digits');
export type Nik = z.infer<typeof NikSchema>;

/** True for a string the NIK rule accepts. */
export const isNik = (value: string): boolean => NikSchema.safeParse(value).success;
