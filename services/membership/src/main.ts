import { loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { createAuditEntryRepository } from './audit/audit-entry.repository';
import { auditSubscriptions } from './audit/audit.subscriptions';
import { createAuditTrail } from './audit/audit-trail';
import { MembershipConfigSchema } from './config';
import { createCooperativeRepository } from './db/cooperative.repository';
import { createMemberRepository } from './db/member.repository';
import { NikEncryptionConfigSchema } from './privacy/nik-keys.config';

startMain('membership', async () => {
  const config = loadConfig(MembershipConfigSchema);
  const { nikKeyring } = loadConfig(NikEncryptionConfigSchema);
  const rt = await openRuntime('membership', config);
  const cooperatives = createCooperativeRepository(rt.conn);
  const members = createMemberRepository(rt.conn);
  const auditEntries = createAuditEntryRepository(rt.conn);
  await Promise.all([cooperatives.init(), members.init(), auditEntries.init()]);
  const relay = rt.relay([cooperatives.collection, members.collection]);
  const audit = createAuditTrail({ entries: auditEntries });
  // Every service's AuditRecorded events (audit.entry.v1) land in the append-only audit_entries.
  await rt.consume(auditSubscriptions({ audit, logger: rt.logger }));
  const app = createApp({
    cooperatives,
    members,
    nikSalt: config.NIK_HASH_SALT,
    nikKeyring,
    logger: rt.logger,
    onEventsWritten: (aggregate, id) =>
      relay.nudge(aggregate === 'cooperative' ? cooperatives.collection : members.collection, id),
    adminToken: config.ADMIN_TOKEN,
    readiness: rt.readiness,
    // The accounts code adds `verifier` (membership's own key set) and `pdp.people` (the people collection).
    pdp: {
      entries: auditEntries,
      audit,
      members,
      nikKeyring,
      logger: rt.logger,
      onEventsWritten: (_aggregate, id) => relay.nudge(members.collection, id),
    },
  });
  await rt.serve(app);
});
