import { sessionDigest } from '../domain/session';
import { type AccountsDeps, now } from './ports';

/** Revokes the session; signing out of an unknown or already ended session is not an error. */
export async function signOut(deps: AccountsDeps, sessionId: string): Promise<void> {
  await deps.sessions.revoke(sessionDigest(sessionId), now(deps));
}
