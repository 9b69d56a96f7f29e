/**
 * `pnpm --filter @pasar/membership seed`: demo cooperatives, members and accounts. Reads MONGO_URL
 * (and NIK_HASH_SALT, LOG_LEVEL). Writes the events into the outbox; the running membership
 * service's relay publishes them. Outside production it prints the demo accounts' phones and
 * passwords; the last line is the JSON report.
 */
import { openOperatorDeps } from '../admin/operator-deps';
import { demoAccountsTable } from './seed-accounts';
import { seedDemo } from './seed-demo';

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
try {
  const report = await seedDemo(deps);
  console.log('[seed-membership] demo accounts (development only):');
  for (const line of demoAccountsTable()) console.log(`  ${line}`);
  console.log(`[seed-membership] ${JSON.stringify(report)}`);
} finally {
  await close();
}
