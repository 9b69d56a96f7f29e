import { defineConfig } from 'vite';
import tsconfigPaths from 'vite-tsconfig-paths';

// Compiles server.ts (the production Express server) to build/server.js, next to Remix's build/server/ and
// build/client/. Packages stay external (node_modules); the app modules it shares with Remix are bundled.
export default defineConfig({
  plugins: [tsconfigPaths()],
  publicDir: false,
  build: {
    ssr: 'server.ts',
    outDir: 'build',
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'server.js', format: 'es' } },
  },
});
