import { NikEncryptionConfigSchema } from '../privacy/nik-keys.config';
import { createLogger } from '@pasar/events';
import { connectMongo, loadConfig } from '@pasar/service-kit';
import { MembershipConfigSchema } from '../config';
import { createAuthEventRepository } from '../db/auth-event.repository';
import { createCooperativeRepository } from '../db/cooperative.repository';
import { createMemberRepository } from '../db/member.repository';
import { createPersonRepository } from '../db/person.repository';
import { createSellerRepository } from '../db/seller.repository';
import { createSellerApplicationRepository } from '../db/seller-application.repository';
import { createSessionRepository } from '../db/session.repository';
import { generateSigningKeyPem, loadSigningKeys } from '../tokens/keys';
import type { SellersDeps } from '../use-cases/ports';
import { accountsWiring } from '../wiring';

/**
 * The dependencies operator commands (seed, admin) run the use cases with: the service's own
 * database, straight through MONGO_URL, off the public port. Events go into the outbox; the running
 * service's relay publishes them (its sweep finds them). Nothing here mints tokens, so the key is a
 * throwaway.
 */
export async function openOperatorDeps(name: string): Promise<{ deps: SellersDeps; close(): Promise<void> }> {
  const url = process.env.MONGO_URL;
  if (!url) throw new Error('MONGO_URL is required but not set');
  const config = loadConfig(MembershipConfigSchema, {
    KAFKA_BROKERS: '127.0.0.1:9',
    ...process.env,
    MONGO_URL: url,
    TOKEN_SIGNING_KEY: undefined,
    TOKEN_KEY_ID: undefined,
    NODE_ENV: 'development',
  });
  const conn = await connectMongo(url);
  const cooperatives = createCooperativeRepository(conn);
  const members = createMemberRepository(conn);
  const people = createPersonRepository(conn);
  const sessions = createSessionRepository(conn);
  const authEvents = createAuthEventRepository(conn);
  const applications = createSellerApplicationRepository(conn);
  const sellers = createSellerRepository(conn);
  await Promise.all([
    cooperatives.init(),
    members.init(),
    people.init(),
    sessions.init(),
    authEvents.init(),
    applications.init(),
    sellers.init(),
  ]);
  const keys = await loadSigningKeys({ signingKey: generateSigningKeyPem() });
  const { jwks: _j, verifier: _v, trustedProxies: _t, ...wiring } = accountsWiring(config, keys);
  const deps: SellersDeps = {
    cooperatives,
    members,
    people,
    sessions,
    authEvents,
    applications,
    sellers,
    nikSalt: config.NIK_HASH_SALT,
    // Members registered through an operator command (the demo seed) get their NIK encrypted too.
    ...(process.env.NIK_ENCRYPTION_KEYS
      ? { nikKeyring: loadConfig(NikEncryptionConfigSchema).nikKeyring }
      : {}),
    logger: createLogger(name, process.env.LOG_LEVEL ?? 'warn'),
    onEventsWritten: () => {},
    ...wiring,
  };
  return { deps, close: () => conn.close() };
}
