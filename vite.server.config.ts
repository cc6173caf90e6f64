import { defineConfig } from 'vite';

// Compiles the Node server (and the contract and emulator it imports) to dist-server/main.js:
// Node 20 cannot run TypeScript directly. Dependencies stay external and load from node_modules.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'server/main.ts',
    outDir: 'dist-server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'main.js', format: 'es' } },
  },
  ssr: { target: 'node' },
});
