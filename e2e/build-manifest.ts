/**
 * The built files of the site under test, found by the source module they were built from: the
 * Vite build manifest (`<dist>/.vite/manifest.json`) maps each module the build splits into a
 * chunk of its own to that chunk's file. Chunk file names are the bundler's to choose and change
 * with the code (a chunk that two entries share may be named after any of its modules); the source
 * paths below change only when a module moves, and then here alone.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  readViteManifest,
  type ManifestChunk,
  type ViteManifest,
} from '../scripts/site/startup/preloads.ts'

/** Every source module a spec looks up, by what it is to the specs. */
export const MODULES = {
  /** The app's entry: index.html's script, which the page's boot script loads. */
  entry: 'index.html',
  /** React DOM, a chunk of its own that the boot fetches along with the entry. */
  reactDom: 'node_modules/react-dom/client.js',
  /** The search page's early script, an entry of the build besides index.html. */
  searchEarly: 'src/app/start/search-early.ts',
  articleRoute: 'src/app/routes/article.tsx',
  searchRoute: 'src/app/routes/search.tsx',
  /** The search engine, which the page loads only when the search worker cannot run it. */
  searchEngine: 'src/lib/search/search-engine.ts',
} as const

export type BuiltModule = keyof typeof MODULES

export type BuiltChunk = {
  /** The chunk's URL path on the test server (its base is `/`), e.g. `/assets/search-….js`. */
  path: string
  /** Matches this file's URL and no other's: for `page.route`, `waitForRequest` and the like. */
  url: RegExp
  /** The URL paths of the chunks it imports statically, directly or through one another. */
  imports: string[]
}

// The folder the Playwright config builds into and serves, as the config names it.
const root = fileURLToPath(new URL('..', import.meta.url))
const distDir = resolve(root, process.env.E2E_DIST ?? 'e2e/.dist')

let manifest: ViteManifest | undefined

/** The build's manifest, read and checked once (scripts/site/startup/preloads.ts reads it too). */
function readManifest(): ViteManifest {
  manifest ??= readViteManifest(distDir)
  return manifest
}

/** The manifest's chunk for a module of MODULES, which must be a chunk of its own. */
function manifestChunk(module: BuiltModule): ManifestChunk {
  const src = MODULES[module]
  const chunk = readManifest()[src]
  if (chunk?.src !== src) {
    throw new Error(
      `the build manifest has no chunk for ${src} (${module}): the module moved (update MODULES in e2e/build-manifest.ts), or the build put its code in a chunk of another module's`,
    )
  }
  return chunk
}

/** Every manifest key a chunk imports statically, directly or through one another, each once. */
function importedKeys(chunk: ManifestChunk): string[] {
  const keys: string[] = []
  const visit = (key: string) => {
    if (keys.includes(key)) return
    keys.push(key)
    for (const next of readManifest()[key]?.imports ?? []) visit(next)
  }
  for (const key of chunk.imports ?? []) visit(key)
  return keys
}

const urlPath = (file: string) => `/${file}`

/** The built chunk of a module of MODULES. */
export function chunkFor(module: BuiltModule): BuiltChunk {
  const chunk = manifestChunk(module)
  const path = urlPath(chunk.file)
  return {
    path,
    url: new RegExp(`^[a-z]+://[^/]+${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    imports: importedKeys(chunk).map((key) => {
      const file = readManifest()[key]?.file
      if (file === undefined) throw new Error(`the build manifest has no chunk ${key}`)
      return urlPath(file)
    }),
  }
}

/**
 * The URL path of the worker script that a module's chunk, or a chunk it imports, starts (with
 * `new Worker(new URL(…, import.meta.url))`, which the manifest lists among that chunk's assets).
 */
export function workerFor(module: BuiltModule): string {
  const chunk = manifestChunk(module)
  const chunks = [chunk, ...importedKeys(chunk).map((key) => readManifest()[key])]
  const scripts = chunks
    .flatMap((c) => c?.assets ?? [])
    .filter((file) => file.endsWith('.js'))
    .map(urlPath)
  const workers = [...new Set(scripts)]
  if (workers.length !== 1 || workers[0] === undefined) {
    throw new Error(
      `expected one worker script among the assets of ${MODULES[module]} and its imports, found ${JSON.stringify(workers)}`,
    )
  }
  return workers[0]
}
