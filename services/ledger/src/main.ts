import { createTokenVerifier, loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { LedgerConfigSchema } from './config';
import {
  createJournalRepository,
  createManualEntryRepository,
  createPeriodRepository,
  createReadModels,
} from './db/ledger.repositories';
import { subscriptions } from './events/subscriptions';
import type { LedgerDeps } from './use-cases/ports';

startMain('ledger', async () => {
  const config = loadConfig(LedgerConfigSchema);
  const rt = await openRuntime('ledger', config);
  const journal = createJournalRepository(rt.conn);
  const periods = createPeriodRepository(rt.conn);
  const manualEntries = createManualEntryRepository(rt.conn);
  const readModels = createReadModels(rt.conn);
  await Promise.all([journal.init(), periods.init(), manualEntries.init(), readModels.init()]);
  // The ledger publishes only audit entries of staff actions, from the documents they changed.
  const collections = {
    journal: journal.collection,
    periods: periods.collection,
    manual: manualEntries.collection,
  };
  const relay = rt.relay(Object.values(collections));
  const deps: LedgerDeps = {
    journal,
    periods,
    manualEntries,
    readModels,
    logger: rt.logger,
    onEventsWritten: (which, id) => relay.nudge(collections[which], id),
    settleMs: config.LEDGER_PERIOD_SETTLE_MS,
  };
  await rt.consume(subscriptions(deps));
  const verifier = createTokenVerifier({ service: 'ledger', jwks: new URL(config.MEMBERSHIP_JWKS_URL) });
  await rt.serve(createApp({ ...deps, verifier, readiness: rt.readiness }));
});
