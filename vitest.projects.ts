import type { TestProjectInlineConfiguration } from 'vitest/config';

const INTEGRATION = 'src/**/*.int.test.ts';

/**
 * A package's two vitest projects (imported by path: vitest bundles relative imports of a config,
 * not a workspace package's TypeScript). `unit`: pure logic and routes over in-memory stores, no
 * engine started (`pnpm test:unit`, seconds). `integration` (`*.int.test.ts`): against the real
 * Kafka, FerretDB, stripe-mock and Midtrans sandbox, found or started by testkit's global setup.
 */
export function unitAndIntegrationProjects(timeoutMs = 90_000): TestProjectInlineConfiguration[] {
  return [
    { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: [INTEGRATION] } },
    {
      extends: true,
      test: {
        name: 'integration',
        include: [INTEGRATION],
        globalSetup: ['@pasar/testkit/global-setup'],
        testTimeout: timeoutMs,
        hookTimeout: timeoutMs,
      },
    },
  ];
}
