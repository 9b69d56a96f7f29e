/**
 * `pnpm --filter @pasar/membership seed`: demo cooperatives and members. Reads MONGO_URL only.
 * It writes the events into the outbox; the running membership service's relay publishes them.
 */
import { createLogger } from '@pasar/events';
import { connectMongo } from '@pasar/service-kit';
import { DEV_NIK_HASH_SALT } from '../config';
import { createCooperativeRepository } from '../db/cooperative.repository';
import { createMemberRepository } from '../db/member.repository';
import { seedDemo } from './seed-demo';

const url = process.env.MONGO_URL;
if (!url) {
  console.error('[seed-membership] MONGO_URL is required but not set');
  process.exit(1);
}
const conn = await connectMongo(url);
try {
  const cooperatives = createCooperativeRepository(conn);
  const members = createMemberRepository(conn);
  await Promise.all([cooperatives.init(), members.init()]);
  const report = await seedDemo({
    cooperatives,
    members,
    nikSalt: DEV_NIK_HASH_SALT, // demo members carry no NIK
    logger: createLogger('seed-membership', process.env.LOG_LEVEL ?? 'warn'),
    onEventsWritten: () => {},
  });
  console.log(`[seed-membership] ${JSON.stringify(report)}`);
} finally {
  await conn.close();
}
