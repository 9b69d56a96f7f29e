import { z } from 'zod';
import { CooperativeGrantSchema, PlatformRoleSchema } from './roles';

/** Who signs access tokens, and the audience of each service. */
export const TOKEN_ISSUER = 'pasar-membership';
export const SERVICE_AUDIENCES = {
  catalog: 'pasar-catalog',
  orders: 'pasar-orders',
  payments: 'pasar-payments',
  membership: 'pasar-membership',
  ledger: 'pasar-ledger',
} as const;
export type ServiceName = keyof typeof SERVICE_AUDIENCES;
/** Access tokens live at most this long (issue 6: ≤ 5 min). */
export const ACCESS_TOKEN_TTL_SECONDS = 300;
/** The asymmetric algorithm membership signs with (Ed25519). */
export const TOKEN_ALG = 'EdDSA';

/**
 * Claims of an access token minted by membership for a signed-in person, verified by every
 * service against membership's JWKS. `sub` is the person id; `sid` the web session it came from.
 * No personal data beyond the display name: tokens travel in headers and may be logged by proxies.
 */
export const AccessClaimsSchema = z.object({
  iss: z.literal(TOKEN_ISSUER),
  sub: z.string().min(1),
  aud: z.string().min(1),
  sid: z.string().min(1),
  name: z.string().max(120).optional(),
  grants: z.array(CooperativeGrantSchema).max(50),
  platform: z.array(PlatformRoleSchema).default([]),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string().optional(),
});
export type AccessClaims = z.infer<typeof AccessClaimsSchema>;
