/**
 * The build's entries and the chunk they share, which the start-up rests on: index.html (the app)
 * and the search page's early script, a second input whose file the prerender puts in search.html
 * (preloads.ts, which reads the build manifest asked for here).
 */
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

/** The search page's early script, an entry of the build besides index.html. */
export const SEARCH_EARLY_ENTRY = 'src/app/start/search-early.ts'

export function startupEntriesPlugin(): Plugin {
  return {
    name: 'newsreader:startup-entries',
    config(config) {
      const root = resolve(config.root ?? process.cwd())
      return {
        build: {
          // For the prerender step, which preloads the search page's chunks (preloads.ts).
          manifest: true,
          rolldownOptions: {
            input: {
              index: resolve(root, 'index.html'),
              'search-early': resolve(root, SEARCH_EARLY_ENTRY),
            },
            output: {
              // One chunk for the small modules that the app, its routes and the search page's
              // early script share (paths, formatting, URL state, fetching, the page handover).
              // Left to the bundler they become a chunk for each set of importers, each one more
              // request and, on the search page, one more module preload in the head.
              codeSplitting: {
                groups: [
                  {
                    name: 'shared',
                    // Not the search engine (src/lib/search): it loads in the search worker, or
                    // on its own where workers fail, and never with a page that does not search.
                    test: /\/src\/(lib\/(?!search\/)|config\/)|\/src\/features\/[^/]+\/utils\//,
                  },
                ],
              },
            },
          },
        },
      }
    },
  }
}
