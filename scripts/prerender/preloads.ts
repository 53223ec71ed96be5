/**
 * Preload tags for a prerendered page whose main content the app must fetch before it can paint:
 * the search page, where a shared link (`/search?q=...`) shows its results only once the app, the
 * search route, the engine and the index root have loaded. Left to the app those load one after
 * another, each waiting for the one before; declared in the head they all download at once.
 * Chunk names come from Vite's build manifest.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { escapeHtml } from './escape.ts'

type ManifestChunk = { file: string; imports?: string[]; isEntry?: boolean }
export type ViteManifest = Record<string, ManifestChunk>

export const VITE_MANIFEST = join('.vite', 'manifest.json')

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
      (!('imports' in chunk) ||
        (Array.isArray(chunk.imports) && chunk.imports.every((i) => typeof i === 'string'))),
  )
}

/**
 * The files of these source modules' chunks and of every chunk they import statically, each
 * once, dependencies before the modules that import them. Not the entry: the boot script loads it
 * after the first paint, and preloaded from the head its 110 kB would hold up that paint.
 */
export function chunkFiles(manifest: ViteManifest, modules: readonly string[]): string[] {
  const files: string[] = []
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    const chunk = manifest[key]
    if (!chunk) throw new Error(`the build manifest has no chunk for ${key}`)
    for (const dependency of chunk.imports ?? []) visit(dependency)
    if (!chunk.isEntry) files.push(chunk.file)
  }
  for (const key of modules) visit(key)
  return files
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
