import { defineConfig } from 'vitest/config';

/**
 * Cross-service suites. `e2e` spawns the four services against the shared test infrastructure,
 * `browser` drives Debian's Chromium, `chaos` restarts a Kafka broker of its own.
 */
export default defineConfig({
  test: {
    globalSetup: ['@pasar/testkit/global-setup'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // e2e and browser files each start their own four service processes: one file at a time on 2 cores.
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'] } },
      { extends: true, test: { name: 'browser', include: ['browser/**/*.test.ts'] } },
      { extends: true, test: { name: 'chaos', include: ['chaos/**/*.test.ts'] } },
      { extends: true, test: { name: 'api', include: ['api/**/*.test.ts'] } },
    ],
  },
});
