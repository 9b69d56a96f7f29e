import { createHash, randomBytes } from 'node:crypto';

export interface SessionPolicy {
  idleTimeoutSeconds: number;
  absoluteTimeoutSeconds: number;
}

export interface Session {
  /** SHA-256 of the id given to the client (base64url); the id itself is never stored. */
  digest: string;
  personId: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

export type SessionState = 'active' | 'revoked' | 'idle-expired' | 'absolute-expired';

/** 32 random bytes (256 bits), base64url: the credential the web keeps in its cookie. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function sessionDigest(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('base64url');
}

export function sessionState(s: Session, now: Date, policy: SessionPolicy): SessionState {
  if (s.revokedAt) return 'revoked';
  if (now.getTime() >= s.createdAt.getTime() + policy.absoluteTimeoutSeconds * 1000)
    return 'absolute-expired';
  if (now.getTime() >= s.lastSeenAt.getTime() + policy.idleTimeoutSeconds * 1000) return 'idle-expired';
  return 'active';
}

/** When the session ends if nothing touches it: the earlier of the idle and the absolute limit. */
export function sessionExpiresAt(s: Session, policy: SessionPolicy): Date {
  return new Date(
    Math.min(
      s.lastSeenAt.getTime() + policy.idleTimeoutSeconds * 1000,
      s.createdAt.getTime() + policy.absoluteTimeoutSeconds * 1000,
    ),
  );
}
