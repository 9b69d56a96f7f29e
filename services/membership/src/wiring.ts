import { createTokenVerifier } from '@pasar/service-kit';
import type { JWK } from 'jose';
import { parseTrustedProxies } from './auth/client-address';
import { createThrottle } from './auth/throttle';
import type { MembershipConfig } from './config';
import { generateSigningKeyPem, loadSigningKeys, type SigningKeys } from './tokens/keys';
import { createTokenMinter } from './tokens/issuer';

/** The signing keys from the config; outside production a missing key is generated for this process. */
export async function signingKeysFrom(
  config: MembershipConfig,
  warn: (msg: string) => void,
): Promise<SigningKeys> {
  let key = config.TOKEN_SIGNING_KEY;
  if (!key) {
    warn('TOKEN_SIGNING_KEY is not set: using a key generated for this process (development only)');
    key = generateSigningKeyPem();
  }
  return loadSigningKeys({
    signingKey: key,
    keyId: config.TOKEN_KEY_ID,
    previousPublicKeys: config.TOKEN_PREVIOUS_PUBLIC_KEYS as JWK[] | undefined,
  });
}

/** Session policy, token minter, throttle and membership's own verifier, from the config. */
export function accountsWiring(config: MembershipConfig, keys: SigningKeys) {
  return {
    sessionPolicy: {
      idleTimeoutSeconds: config.SESSION_IDLE_MINUTES * 60,
      absoluteTimeoutSeconds: config.SESSION_ABSOLUTE_HOURS * 3600,
    },
    tokens: createTokenMinter(keys, config.ACCESS_TOKEN_TTL_SECONDS),
    throttle: createThrottle({
      maxFailures: config.THROTTLE_MAX_FAILURES,
      blockSeconds: config.THROTTLE_BLOCK_SECONDS,
      windowSeconds: 15 * 60,
    }),
    jwks: keys.jwks,
    verifier: createTokenVerifier({ service: 'membership', jwks: keys.jwks }),
    trustedProxies: parseTrustedProxies(config.TRUSTED_PROXIES),
  };
}
