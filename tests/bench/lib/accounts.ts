import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findRepoRoot } from '@pasar/infra';
import { createTestIssuer, serveJwks } from '@pasar/service-kit/testing';

/** Creates an account with membership's operator command (straight into its database). */
export function createAccount(
  membershipMongoUrl: string,
  args:
    | { command: 'create-dinas'; name: string; phone: string; password: string }
    | {
        command: 'create-pengurus';
        cooperative: string;
        position: 'ketua';
        name: string;
        phone: string;
        password: string;
      },
): void {
  const extra =
    args.command === 'create-pengurus'
      ? ['--cooperative', args.cooperative, '--position', args.position]
      : [];
  const res = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(findRepoRoot(), 'services', 'membership', 'src', 'admin', 'cli.ts'),
      args.command,
      ...extra,
      '--name',
      args.name,
      '--phone',
      args.phone,
      '--password',
      args.password,
    ],
    { env: { ...process.env, MONGO_URL: membershipMongoUrl, NODE_ENV: 'development' }, encoding: 'utf8' },
  );
  if (res.status !== 0)
    throw new Error(`membership admin ${args.command} failed:\n${res.stdout}${res.stderr}`);
}

/** Signs in over membership's HTTP API; returns the access tokens per service. */
export async function signInTokens(membershipUrl: string, phone: string, password: string) {
  const signIn = await fetch(`${membershipUrl}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const { session } = (await signIn.json()) as { session: { id: string } };
  const res = await fetch(`${membershipUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId: session.id }),
  });
  return ((await res.json()) as { tokens: Record<'catalog' | 'orders' | 'payments' | 'membership', string> })
    .tokens;
}

/**
 * For a bench that runs catalog alone: an Ed25519 issuer like membership's, its JWKS served over
 * HTTP (catalog's MEMBERSHIP_JWKS_URL), and a pengurus token for one cooperative.
 */
export async function localIssuer(cooperativeId: string) {
  const issuer = await createTestIssuer('bench-key');
  const jwks = await serveJwks(issuer);
  const token = await issuer.token(
    { personId: 'psn_bench_ketua', grants: [{ cooperativeId, roles: ['pengurus'], position: 'ketua' }] },
    { service: 'catalog', ttlSeconds: 3600 },
  );
  return {
    jwksUrl: jwks.url,
    auth: { authorization: `Bearer ${token}` },
    close: jwks.close,
  };
}
