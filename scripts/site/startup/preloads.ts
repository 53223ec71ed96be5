/**
 * The head of a prerendered page whose main content the app must fetch before it can paint: the
 * search page, where a shared link (`/search?q=...`) shows its results only once the app, the
 * search route, the engine and the query's index files have loaded. Left to the app those load
 * one after another, each waiting for the one before. Instead the head preloads the chunks, and
 * an early script (src/app/start/search-early.ts) starts the search while the app's code
 * downloads. Chunk names come from Vite's build manifest; a module it lacks stops the build.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { escapeHtml } from '../prerender/escape.ts'
import { SEARCH_EARLY_ENTRY } from './entries.ts'

export type ManifestChunk = {
  file: string
  src?: string
  imports?: string[]
  assets?: string[]
  isEntry?: boolean
}
export type ViteManifest = Record<string, ManifestChunk>

export const VITE_MANIFEST = join('.vite', 'manifest.json')

/** The search view's route module, as the build manifest names it. */
export const SEARCH_ROUTE_MODULE = 'src/app/routes/search.tsx'

export function readViteManifest(outDir: string): ViteManifest {
  const path = join(outDir, VITE_MANIFEST)
  if (!existsSync(path)) throw new Error(`${path} is missing: the client build writes it`)
  const value: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (!isViteManifest(value)) throw new Error(`${path} is not a Vite build manifest`)
  return value
}

function isViteManifest(value: unknown): value is ViteManifest {
  if (typeof value !== 'object' || value === null) return false
  return Object.values(value).every(
    (chunk: unknown) =>
      typeof chunk === 'object' &&
      chunk !== null &&
      'file' in chunk &&
      typeof chunk.file === 'string' &&
      (!('imports' in chunk) || isStrings(chunk.imports)) &&
      (!('assets' in chunk) || isStrings(chunk.assets)),
  )
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

/**
 * The files of these source modules' chunks and of every chunk they import statically, each
 * once, dependencies before the modules that import them. Not the entry: the boot script loads it
 * after the first paint, and preloaded from the head its download would hold up that paint.
 */
export function chunkFiles(manifest: ViteManifest, modules: readonly string[]): string[] {
  const files: string[] = []
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`the build manifest (${VITE_MANIFEST}) has no chunk for ${key}`)
    for (const dependency of chunk.imports ?? []) visit(dependency)
    if (!chunk.isEntry) files.push(chunk.file)
  }
  for (const key of modules) visit(key)
  return files
}

/** The built file of an entry the build was given besides index.html (`build.rolldownOptions.input`). */
export function entryFile(manifest: ViteManifest, module: string): string {
  const chunk = manifest[module]
  if (!chunk?.isEntry) {
    throw new Error(`the build manifest (${VITE_MANIFEST}) has no entry for ${module}`)
  }
  return chunk.file
}

/**
 * An async module `<script>` tag for a built file: it runs as soon as it has loaded, neither
 * waiting for the page's other scripts nor holding them up (the app's boot waits for no search).
 */
export function asyncModuleScriptTag(base: string, file: string): string {
  return `<script type="module" async crossorigin src="${escapeHtml(`${base}/${file}`)}"></script>`
}

/** `<link>` tags: module preloads for the chunks, fetch preloads for the data files. */
export function preloadTags(base: string, chunks: readonly string[], data: readonly string[]) {
  return [
    ...chunks.map(
      (file) => `<link rel="modulepreload" crossorigin href="${escapeHtml(`${base}/${file}`)}" />`,
    ),
    ...data.map((url) => `<link rel="preload" as="fetch" crossorigin href="${escapeHtml(url)}" />`),
  ].join('\n    ')
}

/**
 * The tags search.html adds at the end of its head, after the app's boot script and stylesheet
 * (the page needs those first): the early search's chunks and the index root, its script, then
 * the search view's chunks, which wait for the app anyway. A file the template already preloads
 * is not preloaded twice. `rootUrl` is the index root's URL.
 */
export function searchPageHead(
  manifest: ViteManifest,
  page: { base: string; template: string; rootUrl: string },
): string {
  const fresh = (file: string) => !page.template.includes(`/${file}"`)
  const early = chunkFiles(manifest, [SEARCH_EARLY_ENTRY]).filter(fresh)
  const view = chunkFiles(manifest, [SEARCH_ROUTE_MODULE]).filter(
    (file) => fresh(file) && !early.includes(file),
  )
  return [
    preloadTags(page.base, early, [page.rootUrl]),
    asyncModuleScriptTag(page.base, entryFile(manifest, SEARCH_EARLY_ENTRY)),
    preloadTags(page.base, view, []),
  ]
    .filter((tags) => tags !== '')
    .join('\n    ')
}
