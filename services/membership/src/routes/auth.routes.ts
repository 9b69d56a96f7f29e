import { createRouter, DomainError, defineRoute, ErrorBodySchema, principalOf } from '@pasar/service-kit';
import type { Context } from 'hono';
import type { JSONWebKeySet } from 'jose';
import { clientAddress } from '../auth/client-address';
import { changePassword } from '../use-cases/change-password';
import { getMe } from '../use-cases/get-me';
import { issueTokens } from '../use-cases/issue-tokens';
import type { AccountsDeps } from '../use-cases/ports';
import { resetPassword } from '../use-cases/reset-password';
import { signIn } from '../use-cases/sign-in';
import { signOut } from '../use-cases/sign-out';
import {
  ChangePasswordBody,
  JwksResponse,
  ResetBody,
  SessionBody,
  SignInBody,
  SignInResponse,
  TokensResponse,
} from './auth.schemas';
import { json, PersonViewSchema } from './views.schemas';

export interface AuthRouteDeps extends AccountsDeps {
  jwks: JSONWebKeySet;
  trustedProxies: Set<string>;
}

const body = <S>(schema: S) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const throttledResponse = json(
  ErrorBodySchema,
  'AUTH.THROTTLED: too many failures for this account or address; see Retry-After',
);

/** A throttled answer also carries Retry-After (seconds), as HTTP clients and proxies expect. */
async function withRetryAfter<T>(c: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'AUTH.THROTTLED')
      c.header('Retry-After', String(err.details?.retryAfterSeconds ?? 60));
    throw err;
  }
}

const jwksRoute = defineRoute({
  method: 'get',
  path: '/.well-known/jwks.json',
  summary: 'Public keys that verify access tokens (Ed25519, current and still-accepted previous)',
  access: { allow: ['anonymous'] },
  responses: { 200: json(JwksResponse, 'The key set') },
});

const signInRoute = defineRoute({
  method: 'post',
  path: '/auth/sign-in',
  summary: 'Sign in with phone and password: a new session every time',
  access: { allow: ['anonymous'] },
  request: body(SignInBody),
  responses: {
    200: json(SignInResponse, 'Signed in'),
    401: json(ErrorBodySchema, 'AUTH.INVALID_CREDENTIALS'),
    429: throttledResponse,
  },
});

const tokensRoute = defineRoute({
  method: 'post',
  path: '/auth/tokens',
  summary: 'Exchange a live session for access tokens, one per service (restarts the idle timer)',
  access: { allow: ['anonymous'] },
  request: body(SessionBody),
  responses: {
    200: json(TokensResponse, 'Tokens for catalog, orders, payments, membership and ledger'),
    401: json(ErrorBodySchema, 'AUTH.SESSION_EXPIRED'),
  },
});

const signOutRoute = defineRoute({
  method: 'post',
  path: '/auth/sign-out',
  summary: 'End the session',
  access: { allow: ['anonymous'] },
  request: body(SessionBody),
  responses: { 204: { description: 'Signed out (also when the session had already ended)' } },
});

const passwordRoute = defineRoute({
  method: 'post',
  path: '/auth/password',
  summary: 'Change the password; every session of the person ends',
  access: { allow: ['signed-in'] },
  request: body(ChangePasswordBody),
  responses: { 204: { description: 'Changed; sign in again' } },
});

const resetRoute = defineRoute({
  method: 'post',
  path: '/auth/reset',
  summary: 'Set a new password with a one-time code issued by a pengurus',
  access: { allow: ['anonymous'] },
  request: body(ResetBody),
  responses: { 204: { description: 'Password set; sign in with it' }, 429: throttledResponse },
});

const meRoute = defineRoute({
  method: 'get',
  path: '/me',
  summary: 'The signed-in person with their grants',
  access: { allow: ['signed-in'] },
  responses: { 200: json(PersonViewSchema, 'The person') },
});

export function authRoutes(deps: AuthRouteDeps) {
  const address = (c: Context) => clientAddress(c, deps.trustedProxies);
  const app = createRouter();
  app.openapi(jwksRoute, (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(deps.jwks as { keys: { kty: string }[] }, 200);
  });
  app.openapi(signInRoute, async (c) => {
    const input = c.req.valid('json');
    const result = await withRetryAfter(c, () => signIn(deps, { ...input, address: address(c) }));
    c.header('Cache-Control', 'no-store');
    return c.json(result, 200);
  });
  app.openapi(tokensRoute, async (c) => {
    const result = await issueTokens(deps, c.req.valid('json').sessionId);
    c.header('Cache-Control', 'no-store');
    return c.json(result, 200);
  });
  app.openapi(signOutRoute, async (c) => {
    await signOut(deps, c.req.valid('json').sessionId);
    return c.body(null, 204);
  });
  app.openapi(passwordRoute, async (c) => {
    const p = principalOf(c)!;
    await changePassword(deps, { personId: p.personId, sessionRef: p.sessionId }, c.req.valid('json'));
    return c.body(null, 204);
  });
  app.openapi(resetRoute, async (c) => {
    const input = c.req.valid('json');
    await withRetryAfter(c, () => resetPassword(deps, { ...input, address: address(c) }));
    return c.body(null, 204);
  });
  app.openapi(meRoute, async (c) => c.json(await getMe(deps, principalOf(c)!.personId), 200));
  return app;
}
