import type { ServiceName } from '@pasar/contracts';
import { sessionExpired } from '../domain/errors';
import { type PersonView, toPersonView } from '../domain/person';
import { sessionDigest, sessionState } from '../domain/session';
import { type AccountsDeps, now } from './ports';

export interface IssuedTokens {
  tokens: Record<ServiceName, string>;
  expiresIn: number;
  person: PersonView;
}

/**
 * The session id is the credential: a live session gets fresh access tokens (one per service, with
 * the person's current grants) and its idle timer restarts. Revoked or timed-out → AUTH.SESSION_EXPIRED.
 */
export async function issueTokens(deps: AccountsDeps, sessionId: string): Promise<IssuedTokens> {
  const at = now(deps);
  const digest = sessionDigest(sessionId);
  const session = await deps.sessions.findByDigest(digest);
  if (!session || sessionState(session, at, deps.sessionPolicy) !== 'active') throw sessionExpired();
  const person = await deps.people.findById(session.personId);
  if (!person) throw sessionExpired();
  await deps.sessions.touch(digest, at);
  return {
    tokens: await deps.tokens.mint(person, digest),
    expiresIn: deps.tokens.ttlSeconds,
    person: toPersonView(person),
  };
}

/** For membership's own signed-in routes that change the account: the token's session must still live. */
export async function requireLiveSession(deps: AccountsDeps, sessionRef: string, personId: string) {
  const session = await deps.sessions.findByDigest(sessionRef);
  if (
    !session ||
    session.personId !== personId ||
    sessionState(session, now(deps), deps.sessionPolicy) !== 'active'
  )
    throw sessionExpired();
}
