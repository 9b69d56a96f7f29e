import { randomUUID } from 'node:crypto';
import { type ServiceName, SERVICE_AUDIENCES, TOKEN_ALG, TOKEN_ISSUER } from '@pasar/contracts';
import { SignJWT } from 'jose';
import type { Person } from '../domain/person';
import type { TokenMinter } from '../use-cases/ports';
import type { SigningKeys } from './keys';

const SERVICES = Object.keys(SERVICE_AUDIENCES) as ServiceName[];

/**
 * Access tokens per AccessClaimsSchema: EdDSA, issuer pasar-membership, one audience per service,
 * `sub` = person id, `sid` = the session's reference (its digest, not the secret id), the grants and
 * platform roles at minting time, a random `jti`. Nothing else personal: no phone, no email.
 */
export function createTokenMinter(
  keys: SigningKeys,
  ttlSeconds: number,
  clock = () => new Date(),
): TokenMinter {
  return {
    ttlSeconds,
    async mint(person: Person, sessionRef: string) {
      const iat = Math.floor(clock().getTime() / 1000);
      const entries = await Promise.all(
        SERVICES.map(async (service) => {
          const token = await new SignJWT({
            sid: sessionRef,
            name: person.name.slice(0, 120),
            grants: person.grants,
            platform: person.platform,
          })
            .setProtectedHeader({ alg: TOKEN_ALG, kid: keys.kid, typ: 'at+jwt' })
            .setIssuer(TOKEN_ISSUER)
            .setSubject(person.personId)
            .setAudience(SERVICE_AUDIENCES[service])
            .setIssuedAt(iat)
            .setExpirationTime(iat + ttlSeconds)
            .setJti(randomUUID())
            .sign(keys.privateKey);
          return [service, token] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<ServiceName, string>;
    },
  };
}
