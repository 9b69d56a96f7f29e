import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { TOKEN_ALG } from '@pasar/contracts';
import { calculateJwkThumbprint, type JSONWebKeySet, type JWK } from 'jose';

export interface SigningKeys {
  kid: string;
  privateKey: KeyObject;
  /** The current public key first, then the previous ones still accepted during a rotation. */
  jwks: JSONWebKeySet;
}

/** Reads TOKEN_SIGNING_KEY: a PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`) or a private JWK (JSON). */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('{')
    ? createPrivateKey({ key: JSON.parse(trimmed) as JWK & { kty: string }, format: 'jwk' })
    : createPrivateKey({ key: trimmed.replace(/\\n/g, '\n'), format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

export function publicJwk(privateKey: KeyObject, kid: string): JWK {
  const { kty, crv, x } = createPublicKey(privateKey).export({ format: 'jwk' });
  return { kty, crv, x, kid, alg: TOKEN_ALG, use: 'sig' };
}

/** A fresh Ed25519 key as PKCS#8 PEM (the dev launcher writes one into its data dir). */
export function generateSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export async function loadSigningKeys(opts: {
  signingKey: string;
  keyId?: string;
  previousPublicKeys?: JWK[];
}): Promise<SigningKeys> {
  const privateKey = parsePrivateKey(opts.signingKey);
  const current = publicJwk(privateKey, 'pending');
  const kid = opts.keyId ?? (await calculateJwkThumbprint({ kty: 'OKP', crv: current.crv, x: current.x }));
  const previous = (opts.previousPublicKeys ?? []).map((k) => {
    const { d: _secret, ...pub } = k as JWK & { d?: string };
    return { ...pub, alg: TOKEN_ALG, use: 'sig' };
  });
  return { kid, privateKey, jwks: { keys: [{ ...current, kid }, ...previous] } };
}
