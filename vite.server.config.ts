import { defineConfig } from 'vite';

// Compiles the Node server (and the contract and emulator it imports) to dist-server/main.js:
// Node 20 cannot run TypeScript directly. Dependencies stay external and load from node_modules.
// The emulator pool's worker is a second entry, dist-server/emulator-worker.js, beside main.js
// (server/sources/emulator-pool.ts finds it there); code both share goes into chunks, also
// beside them, so each file's `import.meta.url` is in dist-server/.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: { main: 'server/main.ts', 'emulator-worker': 'server/sources/emulator-worker.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', format: 'es' },
    },
  },
  ssr: { target: 'node' },
});
