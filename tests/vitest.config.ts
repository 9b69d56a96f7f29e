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
    projects: [
      // Each e2e file starts its own four service processes: one file at a time on a 2-core machine.
      { extends: true, test: { name: 'e2e', include: ['e2e/**/*.test.ts'], fileParallelism: false } },
      { extends: true, test: { name: 'browser', include: ['browser/**/*.test.ts'], fileParallelism: false } },
      { extends: true, test: { name: 'chaos', include: ['chaos/**/*.test.ts'] } },
    ],
  },
});
