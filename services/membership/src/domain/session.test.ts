import { describe, expect, it } from 'vitest';
import { newSessionId, type Session, sessionDigest, sessionExpiresAt, sessionState } from './session';

const policy = { idleTimeoutSeconds: 30 * 60, absoluteTimeoutSeconds: 12 * 3600 };
const t0 = new Date('2026-03-02T08:00:00.000Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const session = (over: Partial<Session> = {}): Session => ({
  digest: 'd',
  personId: 'per_x',
  createdAt: t0,
  lastSeenAt: t0,
  revokedAt: null,
  ...over,
});

describe('sessions', () => {
  it('have 256-bit random ids, stored only as their SHA-256', () => {
    const id = newSessionId();
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(id).not.toBe(newSessionId());
    expect(sessionDigest(id)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionDigest(id)).not.toContain(id);
  });

  it('end after the idle timeout unless touched', () => {
    expect(sessionState(session(), at(29 * 60), policy)).toBe('active');
    expect(sessionState(session(), at(30 * 60), policy)).toBe('idle-expired');
    expect(sessionState(session({ lastSeenAt: at(20 * 60) }), at(45 * 60), policy)).toBe('active');
  });

  it('end at the absolute timeout however active', () => {
    const busy = session({ lastSeenAt: at(12 * 3600 - 60) });
    expect(sessionState(busy, at(12 * 3600 - 1), policy)).toBe('active');
    expect(sessionState(busy, at(12 * 3600), policy)).toBe('absolute-expired');
  });

  it('end when revoked', () => {
    expect(sessionState(session({ revokedAt: at(1) }), at(2), policy)).toBe('revoked');
  });

  it('expire at the earlier of the two limits', () => {
    expect(sessionExpiresAt(session(), policy)).toEqual(at(30 * 60));
    expect(sessionExpiresAt(session({ lastSeenAt: at(12 * 3600 - 60) }), policy)).toEqual(at(12 * 3600));
  });
});
