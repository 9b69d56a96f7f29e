import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  type AppEnv,
  createServiceApp,
  type ReadinessCheck,
  serveOpenApi,
  type TokenVerifier,
} from '@pasar/service-kit';
import { journalRoutes } from './routes/journal.routes';
import { manualEntryRoutes } from './routes/manual-entries.routes';
import { periodRoutes } from './routes/periods.routes';
import { reportRoutes } from './routes/reports.routes';
import { shuRoutes } from './routes/shu.routes';
import type { LedgerDeps } from './use-cases/ports';

export interface AppDeps extends LedgerDeps {
  /** Verifies membership's access tokens (createTokenVerifier in main, a test issuer's in tests). */
  verifier: TokenVerifier;
  readiness?: Record<string, ReadinessCheck>;
}

/** Builds the ledger's HTTP app; no I/O here (tests call createApp(fakes).request()). */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createServiceApp({
    name: 'ledger',
    logger: deps.logger,
    verifier: deps.verifier,
    ...(deps.readiness ? { readiness: deps.readiness } : {}),
  });
  app.route('/', journalRoutes(deps));
  app.route('/', manualEntryRoutes(deps));
  app.route('/', periodRoutes(deps));
  app.route('/', reportRoutes(deps));
  app.route('/', shuRoutes(deps));
  serveOpenApi(app, {
    title: 'Pasar ledger',
    version: '1',
    description:
      "The cooperative's double-entry books, fed by business events: journal, manual entries with a second approval, periods, reports (jurnal umum, buku besar, neraca saldo, laba rugi, neraca), SHU for the RAT and the RAT pack",
  });
  return app;
}
