import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { compileHintsPlugin } from './scripts/site/startup/compile-hints.ts'
import { corpusPlugin } from './scripts/site/plugins/corpus.ts'
import { cspPlugin } from './scripts/site/plugins/csp.ts'
import { SEARCH_EARLY_ENTRY } from './scripts/site/startup/preloads.ts'
import { deferEntryPlugin } from './scripts/site/startup/defer-entry.ts'
import { precompressPlugin } from './scripts/site/plugins/precompress.ts'
import { serviceWorkerPlugin } from './scripts/site/plugins/service-worker.ts'

export default defineConfig({
  // Set BASE_PATH when the site is served from a sub-path (GitHub Pages project sites: /repo/).
  base: process.env.BASE_PATH ?? '/',
  plugins: [
    react(),
    corpusPlugin(),
    cspPlugin(),
    compileHintsPlugin(),
    deferEntryPlugin(),
    serviceWorkerPlugin(),
    precompressPlugin(),
  ],
  // The search worker (src/features/search/api/search.worker.ts) is a module, like the page's scripts.
  worker: { format: 'es' },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    // For the prerender step, which preloads the search page's chunks (scripts/site/startup/preloads.ts).
    manifest: true,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        // The search page's early start; the prerender puts it in search.html.
        'search-early': fileURLToPath(new URL(`./${SEARCH_EARLY_ENTRY}`, import.meta.url)),
      },
      output: {
        // One chunk for the small modules that the app, its routes and the search page's early
        // script share (paths, formatting, URL state, fetching). Left to the bundler they become a
        // chunk for each set of importers, each one more request and, on the search page, one more
        // module preload in the head.
        codeSplitting: {
          groups: [
            { name: 'shared', test: /\/src\/(lib|config)\/|\/src\/features\/[^/]+\/utils\// },
          ],
        },
      },
    },
  },
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
