import tsconfigPaths from 'vite-tsconfig-paths';
import { defineConfig } from 'vitest/config';

// Unit and route tests only: loaders and actions are called directly with a fake fetch, no services run.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    env: { NODE_ENV: 'test' },
  },
});
