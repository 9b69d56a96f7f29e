import { loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { MembershipConfigSchema } from './config';
import { createAuthEventRepository } from './db/auth-event.repository';
import { createCooperativeRepository } from './db/cooperative.repository';
import { createMemberRepository } from './db/member.repository';
import { createPersonRepository } from './db/person.repository';
import { createSessionRepository } from './db/session.repository';
import { accountsWiring, signingKeysFrom } from './wiring';

startMain('membership', async () => {
  const config = loadConfig(MembershipConfigSchema);
  const rt = await openRuntime('membership', config);
  const keys = await signingKeysFrom(config, (m) => rt.logger.warn(m));
  const cooperatives = createCooperativeRepository(rt.conn);
  const members = createMemberRepository(rt.conn);
  const people = createPersonRepository(rt.conn);
  const sessions = createSessionRepository(rt.conn);
  const authEvents = createAuthEventRepository(rt.conn);
  await Promise.all([cooperatives.init(), members.init(), people.init(), sessions.init(), authEvents.init()]);
  const collections = {
    cooperative: cooperatives.collection,
    member: members.collection,
    person: people.collection,
    'auth-event': authEvents.collection,
  };
  const relay = rt.relay(Object.values(collections));
  // No consumer yet: membership consumes orders/payments events once the savings ledger and SHU land.
  const app = createApp({
    cooperatives,
    members,
    people,
    sessions,
    authEvents,
    nikSalt: config.NIK_HASH_SALT,
    logger: rt.logger,
    onEventsWritten: (aggregate, id) => relay.nudge(collections[aggregate], id),
    readiness: rt.readiness,
    ...accountsWiring(config, keys),
  });
  rt.logger.info({ kid: keys.kid }, 'signing access tokens');
  await rt.serve(app);
});
