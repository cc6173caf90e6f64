/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Plugin } from 'vite';

/** public/mockServiceWorker.js serves `npm run dev` and the static demo; the production build drops it. */
function dropMockWorker(mode: string): Plugin {
  let outDir = 'dist';
  return {
    name: 'drop-mock-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      if (mode !== 'demo') rmSync(join(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

// The SPA build. `npm run dev` serves it with MSW (mocks/browser.ts) answering /api;
// the production build never contains MSW (checked by a test).
export default defineConfig(({ mode }) => ({
  plugins: [react(), dropMockWorker(mode)],
  build: {
    outDir: 'dist',
    sourcemap: false,
    // Leaflet's marker PNGs are inlined as data: URIs; the CSP allows img-src data:.
    assetsInlineLimit: 4096,
    // The static demo carries the emulator and MSW in one lazy chunk, by design.
    chunkSizeWarningLimit: mode === 'demo' ? 1000 : 500,
  },
  server: { port: 5173, strictPort: false },
  test: {
    // Every core: vitest's default leaves one to its own process, which mostly waits (on a 2-core CI
    // machine that halves the suite's speed: 203 s → 144 s measured).
    maxWorkers: availableParallelism(),
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'mocks/**/*.test.ts'],
          // Pure functions and the emulator, no global state: the files of a worker share their
          // modules, so the emulator's datasets (the 10,000-finding one takes seconds) are built
          // once per worker instead of once per file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          // setup.ts clears the DOM, storage, URL and MSW handlers after every test, so the files of
          // a worker can share their imported modules (React, the app, the emulator's datasets):
          // the project took 47 s instead of 88 s.
          isolate: false,
          include: ['src/**/*.test.tsx'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/**/*.test.ts', 'test-support/**/*.test.ts'],
        },
      },
    ],
  },
}));
