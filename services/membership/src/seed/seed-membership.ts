/**
 * `pnpm --filter @pasar/membership seed`: demo cooperatives, members, accounts and savings. Reads MONGO_URL
 * (and NIK_HASH_SALT, LOG_LEVEL). Writes the events into the outbox; the running membership
 * service's relay publishes them. Outside production it prints the demo accounts' phones and
 * passwords; the last line is the JSON report.
 */
import { connectMongo } from '@pasar/service-kit';
import { openOperatorDeps } from '../admin/operator-deps';
import { createSavingsStore } from '../savings/db/savings.store';
import { demoAccountsTable } from './seed-accounts';
import { seedDemo } from './seed-demo';
import { seedSavings } from './seed-savings';

const production = process.env.NODE_ENV === 'production';
if (production) {
  console.error(
    '[seed-membership] the demo data has published passwords: refusing to run with NODE_ENV=production',
  );
  process.exit(1);
}
const { deps, close } = await openOperatorDeps('seed-membership').catch((err: Error) => {
  console.error(`[seed-membership] ${err.message}`);
  process.exit(1);
});
// The savings store on a connection of its own (the operator deps do not expose theirs).
const conn = await connectMongo(process.env.MONGO_URL as string);
try {
  const report = await seedDemo(deps);
  const savings = createSavingsStore(conn);
  await savings.init();
  const savingsReport = await seedSavings({
    store: savings.store,
    members: deps.members,
    logger: deps.logger,
    onEventsWritten: () => {},
  });
  console.log('[seed-membership] demo accounts (development only):');
  for (const line of demoAccountsTable()) console.log(`  ${line}`);
  console.log(`[seed-membership] ${JSON.stringify({ ...report, savings: savingsReport })}`);
} finally {
  await conn.close();
  await close();
}
