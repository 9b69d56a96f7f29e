/**
 * Operator commands, off the public port: `pnpm --filter @pasar/membership admin <command> …`.
 * Writes straight to membership's database (MONGO_URL) through the use cases; see commands.ts.
 */
import { DomainError } from '@pasar/service-kit';
import { runAdmin, USAGE, UsageError } from './commands';
import { openOperatorDeps } from './operator-deps';

const argv = process.argv.slice(2);
if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
  console.log(USAGE);
  process.exit(argv.length === 0 ? 2 : 0);
}
const { deps, close } = await openOperatorDeps('membership-admin').catch((err: Error) => {
  console.error(`[admin] ${err.message}`);
  process.exit(1);
});
let code = 0;
try {
  for (const line of await runAdmin(argv, deps)) console.log(`[admin] ${line}`);
} catch (err) {
  code = err instanceof UsageError ? 2 : 1;
  if (err instanceof UsageError) console.error(`[admin] ${err.message}\n${USAGE}`);
  else if (err instanceof DomainError) console.error(`[admin] ${err.code}: ${err.message}`);
  else console.error('[admin] failed:', err);
} finally {
  await close();
}
process.exit(code);
