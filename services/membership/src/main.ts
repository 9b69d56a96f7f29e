import { loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { MembershipConfigSchema } from './config';
import { createCooperativeRepository } from './db/cooperative.repository';
import { createMemberRepository } from './db/member.repository';

startMain('membership', async () => {
  const config = loadConfig(MembershipConfigSchema);
  const rt = await openRuntime('membership', config);
  const cooperatives = createCooperativeRepository(rt.conn);
  const members = createMemberRepository(rt.conn);
  await Promise.all([cooperatives.init(), members.init()]);
  const relay = rt.relay([cooperatives.collection, members.collection]);
  // No consumer yet: membership consumes orders/payments events once the savings ledger and SHU land.
  const app = createApp({
    cooperatives,
    members,
    nikSalt: config.NIK_HASH_SALT,
    logger: rt.logger,
    onEventsWritten: (aggregate, id) =>
      relay.nudge(aggregate === 'cooperative' ? cooperatives.collection : members.collection, id),
    adminToken: config.ADMIN_TOKEN,
    readiness: rt.readiness,
  });
  await rt.serve(app);
});
