import {
  ACCESS_TOKEN_TTL_SECONDS,
  type CooperativeGrant,
  type PlatformRole,
  SERVICE_AUDIENCES,
  type ServiceName,
  TOKEN_ALG,
  TOKEN_ISSUER,
} from '@pasar/contracts';
import { exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose';
import { createTokenVerifier, type TokenVerifier } from './verify';

export interface TestPerson {
  personId: string;
  name?: string;
  grants?: CooperativeGrant[];
  platform?: PlatformRole[];
}

export interface TestIssuer {
  jwks: JSONWebKeySet;
  /** A token as membership would mint it; override any claim (exp in the past, another aud…). */
  token(
    person: TestPerson,
    opts?: { service?: ServiceName; ttlSeconds?: number; claims?: Record<string, unknown> },
  ): Promise<string>;
  verifier(service: ServiceName): TokenVerifier;
}

/**
 * An Ed25519 key pair and signer for unit tests of services: the same algorithm, issuer and claim
 * shape as membership's real issuer, without running membership.
 */
export async function createTestIssuer(kid = 'test-key'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair(TOKEN_ALG, { crv: 'Ed25519', extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALG, use: 'sig' };
  const jwks = { keys: [jwk] };
  return {
    jwks,
    async token(person, opts = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        sid: `sess-${person.personId}`,
        name: person.name,
        grants: person.grants ?? [],
        platform: person.platform ?? [],
        ...opts.claims,
      })
        .setProtectedHeader({ alg: TOKEN_ALG, kid })
        .setIssuer(TOKEN_ISSUER)
        .setSubject(person.personId)
        .setAudience(SERVICE_AUDIENCES[opts.service ?? 'catalog'])
        .setIssuedAt(now)
        .setExpirationTime(now + (opts.ttlSeconds ?? ACCESS_TOKEN_TTL_SECONDS))
        .sign(privateKey);
    },
    verifier: (service) => createTokenVerifier({ service, jwks }),
  };
}
