import { createTokenVerifier, loadConfig, openRuntime, startMain } from '@pasar/service-kit';
import { createApp } from './app';
import { LedgerConfigSchema } from './config';
import {
  createJournalRepository,
  createManualEntryRepository,
  createPeriodRepository,
  createReadModels,
} from './db/ledger.repositories';
import { createMemberReadModels, createShuRepository } from './db/shu.repositories';
import { subscriptions } from './events/subscriptions';
import type { LedgerDeps } from './use-cases/ports';

startMain('ledger', async () => {
  const config = loadConfig(LedgerConfigSchema);
  const rt = await openRuntime('ledger', config);
  const journal = createJournalRepository(rt.conn);
  const periods = createPeriodRepository(rt.conn);
  const manualEntries = createManualEntryRepository(rt.conn);
  const readModels = createReadModels(rt.conn);
  const members = createMemberReadModels(rt.conn);
  const shu = createShuRepository(rt.conn);
  await Promise.all([journal, periods, manualEntries, readModels, members, shu].map((r) => r.init()));
  // The ledger publishes audit entries of staff actions and ShuDistributed, from the documents they changed.
  const collections = {
    journal: journal.collection,
    periods: periods.collection,
    manual: manualEntries.collection,
    shu: shu.collections.shu,
    allocations: shu.collections.allocations,
  };
  const relay = rt.relay(Object.values(collections));
  const deps: LedgerDeps = {
    journal,
    periods,
    manualEntries,
    readModels,
    members,
    shu,
    logger: rt.logger,
    onEventsWritten: (which, id) => relay.nudge(collections[which], id),
    settleMs: config.LEDGER_PERIOD_SETTLE_MS,
  };
  await rt.consume(subscriptions(deps));
  const verifier = createTokenVerifier({ service: 'ledger', jwks: new URL(config.MEMBERSHIP_JWKS_URL) });
  await rt.serve(createApp({ ...deps, verifier, readiness: rt.readiness }));
});
