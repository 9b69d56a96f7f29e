import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { globalSetup: ['@pasar/testkit/global-setup'], testTimeout: 90_000, hookTimeout: 90_000 },
});
