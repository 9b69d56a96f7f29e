import { loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { type AppDeps, createApp } from './app';
import { createAuditEntryRepository } from './audit/audit-entry.repository';
import { auditSubscriptions } from './audit/audit.subscriptions';
import { createAuditTrail } from './audit/audit-trail';
import { MembershipConfigSchema } from './config';
import { createAuthEventRepository } from './db/auth-event.repository';
import { createCooperativeRepository } from './db/cooperative.repository';
import { createMemberRepository } from './db/member.repository';
import { createPersonRepository } from './db/person.repository';
import { createSellerRepository } from './db/seller.repository';
import { createSellerApplicationRepository } from './db/seller-application.repository';
import { createSessionRepository } from './db/session.repository';
import { NikEncryptionConfigSchema } from './privacy/nik-keys.config';
import { openSavings } from './savings';
import { repairSellers } from './use-cases/complete-approval';
import { accountsWiring, signingKeysFrom } from './wiring';

startMain('membership', async () => {
  const config = loadConfig(MembershipConfigSchema);
  const { nikKeyring } = loadConfig(NikEncryptionConfigSchema);
  const rt = await openRuntime('membership', config);
  const keys = await signingKeysFrom(config, (m) => rt.logger.warn(m));
  const cooperatives = createCooperativeRepository(rt.conn);
  const members = createMemberRepository(rt.conn);
  const people = createPersonRepository(rt.conn);
  const sessions = createSessionRepository(rt.conn);
  const authEvents = createAuthEventRepository(rt.conn);
  const auditEntries = createAuditEntryRepository(rt.conn);
  const applications = createSellerApplicationRepository(rt.conn);
  const sellers = createSellerRepository(rt.conn);
  await Promise.all([
    applications.init(),
    sellers.init(),
    cooperatives.init(),
    members.init(),
    people.init(),
    sessions.init(),
    authEvents.init(),
    auditEntries.init(),
  ]);
  const collections = {
    cooperative: cooperatives.collection,
    member: members.collection,
    person: people.collection,
    'auth-event': authEvents.collection,
    seller: sellers.collection,
    'seller-application': applications.collection,
  };
  const relay = rt.relay(Object.values(collections));
  const audit = createAuditTrail({ entries: auditEntries });
  // Every service's AuditRecorded events (audit.entry.v1) land in the append-only audit_entries.
  await rt.consume(auditSubscriptions({ audit, logger: rt.logger }));
  const savings = await openSavings(rt, members, config.KAFKA_TOPIC_PREFIX);
  const deps: AppDeps = {
    cooperatives,
    members,
    people,
    sessions,
    authEvents,
    applications,
    sellers,
    nikSalt: config.NIK_HASH_SALT,
    nikKeyring,
    logger: rt.logger,
    onEventsWritten: (aggregate, id) => relay.nudge(collections[aggregate], id),
    readiness: rt.readiness,
    savings,
    pdp: {
      entries: auditEntries,
      audit,
      members,
      nikKeyring,
      logger: rt.logger,
      onEventsWritten: (_aggregate, id) => relay.nudge(members.collection, id),
      people: {
        reader: {
          async findById(personId) {
            const p = await people.findById(personId);
            if (!p) return null;
            const { name, phone, email, grants } = p;
            return { personId, name, phone, ...(email ? { email } : {}), grants };
          },
        },
        eraser: {
          // The account is pseudonymised and every session it had ends with it.
          async pseudonymise(personId, pseudonym) {
            await people.pseudonymise(personId, pseudonym);
            await sessions.revokeAllOf(personId, new Date());
          },
        },
      },
    },
    ...accountsWiring(config, keys),
  };
  const app = createApp(deps);
  // An approval a crash left half-done (seller stored, role not yet granted) is finished here.
  const repair = () =>
    repairSellers(deps).catch((err: Error) => rt.logger.error({ err }, 'seller repair failed'));
  await repair();
  setInterval(repair, 60_000).unref();
  rt.logger.info({ kid: keys.kid }, 'signing access tokens');
  await rt.serve(app);
});
