import {
  AccessClaimsSchema,
  SERVICE_AUDIENCES,
  type ServiceName,
  TOKEN_ALG,
  TOKEN_ISSUER,
} from '@pasar/contracts';
import { createLocalJWKSet, createRemoteJWKSet, errors, type JSONWebKeySet, jwtVerify } from 'jose';
import { type Principal, principalFromClaims } from './principal';

export type TokenVerifier = (token: string) => Promise<Principal>;

export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`access token rejected: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

export interface VerifierOptions {
  /** This service: tokens must carry its audience. */
  service: ServiceName;
  /** membership's key set: a URL (production; fetched and cached, refetched on unknown kid) or keys (tests). */
  jwks: URL | JSONWebKeySet;
  /** Allowed clock skew in seconds (default 5). */
  clockToleranceSeconds?: number;
}

/**
 * Verifies membership-signed access tokens: signature (EdDSA against the JWKS), issuer, this
 * service's audience, expiry, and the claims' shape. Anything else is an InvalidTokenError.
 */
export function createTokenVerifier(opts: VerifierOptions): TokenVerifier {
  const keys =
    opts.jwks instanceof URL
      ? createRemoteJWKSet(opts.jwks, { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 })
      : createLocalJWKSet(opts.jwks);
  const audience = SERVICE_AUDIENCES[opts.service];
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: TOKEN_ISSUER,
        audience,
        algorithms: [TOKEN_ALG],
        clockTolerance: opts.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp', 'iat', 'sub'],
      });
      const claims = AccessClaimsSchema.safeParse(payload);
      if (!claims.success) throw new InvalidTokenError('claims do not match the contract');
      return principalFromClaims(claims.data);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw err;
      if (err instanceof errors.JWTExpired) throw new InvalidTokenError('expired');
      if (err instanceof errors.JWTClaimValidationFailed)
        throw new InvalidTokenError(`claim ${err.claim} invalid`);
      if (err instanceof errors.JOSEError) throw new InvalidTokenError(err.code);
      throw new InvalidTokenError('unverifiable');
    }
  };
}
