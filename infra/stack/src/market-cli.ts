/**
 * `npm start` → infra/bin/pasar up → here: the whole market with demo data, until Ctrl-C.
 */
import { startMarket } from './market';
import { paths } from './paths';

const log = (m: string) => console.log(`[pasar] ${m}`);
const started = Date.now();
const market = await startMarket({ dataDir: paths.devData(), log }).catch((err: Error) => {
  console.error(`[pasar] could not start the market: ${err.message}`);
  process.exit(1);
});
log(`market is up in ${Math.round((Date.now() - started) / 1000)} s:`);
for (const [name, url] of Object.entries(market.urls)) console.log(`  ${name.padEnd(14)} ${url}`);
if (market.accounts.length > 0) {
  log(
    'demo accounts, development only — masuk dengan nomor HP dan kata sandi / sign in with phone and password:',
  );
  for (const line of market.accounts) console.log(`  ${line}`);
}
log(`logs in ${paths.devData()}/logs; reset all data with: rm -rf .pasar/data. Ctrl-C stops everything.`);

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping services and engines…`);
  await market.stop();
  log('stopped');
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
