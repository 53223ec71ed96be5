import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { corpusPlugin } from './scripts/site/plugins/corpus.ts'
import { cspPlugin } from './scripts/site/plugins/csp.ts'
import { precompressPlugin } from './scripts/site/plugins/precompress.ts'
import { serviceWorkerPlugin } from './scripts/site/plugins/service-worker.ts'
import { startupPlugins } from './scripts/site/startup/plugins.ts'

export default defineConfig({
  // Set BASE_PATH when the site is served from a sub-path (GitHub Pages project sites: /repo/).
  base: process.env.BASE_PATH ?? '/',
  plugins: [
    react(),
    corpusPlugin(),
    cspPlugin(),
    // The build's entries, compile hints and boot script (docs/startup.md), ahead of the plugins
    // that compress and precache the files they write: each checks that it is.
    ...startupPlugins(),
    serviceWorkerPlugin(),
    precompressPlugin(),
  ],
  // The search worker (src/features/search/api/search.worker.ts) is a module, like the page's scripts.
  worker: { format: 'es' },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: { target: 'es2022' },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'jsdom',
    setupFiles: ['src/testing/setup-tests.ts'],
    reporters: ['default', ['json', { outputFile: 'reports/unit.json' }]],
    alias: [
      // One copy of react-router under Vitest: without this it can load both its CommonJS and ESM
      // builds and lose its context between them.
      {
        find: /^react-router$/,
        replacement: fileURLToPath(
          new URL('./node_modules/react-router/dist/development/index.mjs', import.meta.url),
        ),
      },
    ],
  },
})
