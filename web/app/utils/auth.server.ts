import { createHash } from 'node:crypto';
import { type Cookie, createCookie, redirect } from '@remix-run/node';
import { getEnv } from './env.server';
import { isApiError } from './http.server';
import { exchangeSession, revokeSession, signIn } from './membership.server';
import type { AccessTokens, PersonView, SignedIn } from './views';

/**
 * Accounts on the web: a server-side session kept by membership. The browser holds ONLY membership's
 * session id, in its own cookie: `__Host-pasar_sid` (Secure) when COOKIE_SECURE (production), else
 * `pasar_sid`; HttpOnly, SameSite=Lax, Path=/, no Domain, expiring with the session's absolute timeout.
 * Idle and absolute timeouts are membership's: POST /auth/tokens answers AUTH.SESSION_EXPIRED once the
 * session is over, and the person is signed out with a message.
 *
 * Access tokens (one per service, ≤ 5 min) are fetched with POST /auth/tokens and cached in this process's
 * memory per session, keyed by a SHA-256 of the session id (never the id itself), until 60 s before expiry.
 */
export type Auth = {
  sessionId: string;
  person: PersonView;
  tokens: AccessTokens['tokens'];
};
export type AuthState =
  | { status: 'anonymous' }
  /** The cookie named a session membership no longer honours: sign the person out and say so. */
  | { status: 'expired' }
  | ({ status: 'signed-in' } & Auth);

export const SESSION_COOKIE_SECURE = '__Host-pasar_sid';
export const SESSION_COOKIE_PLAIN = 'pasar_sid';
/** Tokens are refreshed this long before they expire, so a call never carries one about to lapse. */
const REFRESH_MARGIN_MS = 60_000;
const MAX_CACHED_SESSIONS = 10_000;

let cookie: Cookie | undefined;

function sessionCookie(): Cookie {
  if (cookie) return cookie;
  const env = getEnv();
  cookie = createCookie(env.COOKIE_SECURE ? SESSION_COOKIE_SECURE : SESSION_COOKIE_PLAIN, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: env.COOKIE_SECURE,
    secrets: [env.SESSION_SECRET],
  });
  return cookie;
}

interface CachedTokens {
  tokens: AccessTokens['tokens'];
  person: PersonView;
  freshUntil: number;
}
const cache = new Map<string, CachedTokens>();
const inflight = new Map<string, Promise<CachedTokens | 'expired'>>();

const cacheKey = (sessionId: string) => createHash('sha256').update(sessionId).digest('hex');

function remember(key: string, value: CachedTokens): void {
  cache.delete(key);
  if (cache.size >= MAX_CACHED_SESSIONS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, value);
}

/** Drops the cached tokens of a session (sign-out, password change, a 401 from a service). */
export function forgetSession(sessionId: string): void {
  cache.delete(cacheKey(sessionId));
}

/** The session id in the request's cookie, if it has a plausible shape. */
export async function readSessionId(request: Request): Promise<string | undefined> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length >= 16 && value.length <= 512 ? value : undefined;
}

async function fetchTokens(sessionId: string): Promise<CachedTokens | 'expired'> {
  try {
    const answer = await exchangeSession(sessionId);
    return {
      tokens: answer.tokens,
      person: answer.person,
      freshUntil: Date.now() + answer.expiresIn * 1000 - REFRESH_MARGIN_MS,
    };
  } catch (error) {
    if (isApiError(error) && (error.status === 401 || error.status === 404 || error.status === 400)) {
      return 'expired';
    }
    throw error;
  }
}

/**
 * Who is asking: anonymous (no cookie), a session that has ended, or a signed-in person with their access
 * tokens. Concurrent loaders of one request share one token exchange. A membership outage throws its 503.
 */
export async function getAuth(request: Request): Promise<AuthState> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return { status: 'anonymous' };
  const key = cacheKey(sessionId);
  const cached = cache.get(key);
  if (cached && cached.freshUntil > Date.now()) {
    return { status: 'signed-in', sessionId, person: cached.person, tokens: cached.tokens };
  }
  let pending = inflight.get(key);
  if (!pending) {
    pending = fetchTokens(sessionId).finally(() => inflight.delete(key));
    inflight.set(key, pending);
  }
  const fresh = await pending;
  if (fresh === 'expired') {
    cache.delete(key);
    return { status: 'expired' };
  }
  remember(key, fresh);
  return { status: 'signed-in', sessionId, person: fresh.person, tokens: fresh.tokens };
}

/** The Set-Cookie that removes the session cookie. */
export function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize('', { expires: new Date(0), maxAge: 0 });
}

/** Only a path of this site (no "//host", no "/\\host") may be a place to go back to after signing in. */
export function safeRedirect(to: unknown, fallback = '/akun'): string {
  if (typeof to !== 'string' || to.length > 512) return fallback;
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback;
  return to;
}

/** Where a page that needs an account sends someone who has none (or whose session ended). */
export function signInUrl(request: Request, expired = false): string {
  const url = new URL(request.url);
  const query = new URLSearchParams({ redirectTo: url.pathname + url.search });
  if (expired) query.set('sesi', 'berakhir');
  return `/masuk?${query}`;
}

/**
 * The signed-in person, or a redirect to /masuk (back here afterwards). An ended session also gets its
 * cookie cleared and the "Sesi Anda berakhir" message.
 */
export async function requireAuth(request: Request): Promise<Auth> {
  const state = await getAuth(request);
  if (state.status === 'signed-in') return state;
  if (state.status === 'expired') {
    throw redirect(signInUrl(request, true), { headers: { 'Set-Cookie': await clearSessionCookie() } });
  }
  throw redirect(signInUrl(request));
}

/**
 * What a protected loader does with a 401 from a service called with the person's token (the session was
 * revoked meanwhile, e.g. a password change elsewhere): forget the tokens and send them to sign in again.
 */
export async function signedOutByService(request: Request, auth: Auth): Promise<Response> {
  forgetSession(auth.sessionId);
  return redirect(signInUrl(request, true), { headers: { 'Set-Cookie': await clearSessionCookie() } });
}

/**
 * Signs in with membership and returns the new session's cookie. The cookie's old session (if any) is
 * passed as previousSessionId so membership revokes it: every sign-in gets a new id (no fixation).
 */
export async function signInPerson(
  request: Request,
  phone: string,
  password: string,
  clientAddress?: string,
): Promise<{ signedIn: SignedIn; setCookie: string }> {
  const previous = await readSessionId(request);
  const signedIn = await signIn(phone, password, previous, clientAddress);
  if (previous) forgetSession(previous);
  const setCookie = await sessionCookie().serialize(signedIn.session.id, {
    expires: new Date(signedIn.session.expiresAt),
  });
  return { signedIn, setCookie };
}

/** Revokes the session at membership (best effort when it is unreachable) and returns the clearing cookie. */
export async function signOutPerson(request: Request): Promise<string> {
  const sessionId = await readSessionId(request);
  if (sessionId) {
    forgetSession(sessionId);
    try {
      await revokeSession(sessionId);
    } catch (error) {
      // The cookie goes anyway; a session membership could not revoke now ends at its idle timeout.
      if (!isApiError(error)) console.error('[web] sign-out: membership did not answer; cookie cleared');
    }
  }
  return clearSessionCookie();
}

/** Tests only: a changed environment (COOKIE_SECURE) picks the cookie again; the token cache is emptied. */
export function resetAuthForTests(): void {
  cookie = undefined;
  cache.clear();
  inflight.clear();
}
