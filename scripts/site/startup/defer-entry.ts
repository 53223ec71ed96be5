/**
 * Starts the app's script after the first paint. A prerendered page is complete without it, so
 * its download must not compete with the page's own paint (on a slow phone link it tripled the
 * article's Largest Contentful Paint). The entry <script> becomes a tiny module, an external file
 * so the Content Security Policy needs no exception, that imports the entry once the browser
 * reports the first contentful paint. A frame callback is not enough: on a busy machine the
 * frame is presented long after its callbacks ran, and the entry's download then started before
 * the paint. A page with nothing prerendered (shell.html) starts at once, since it has nothing to
 * paint without the app; a page that never reports a paint starts after a bound.
 *
 * The entry imports React DOM dynamically, so that its evaluation is a task apart from the
 * entry's (src/app/start/start.tsx). The boot fetches such start-up library chunks (see
 * `startupChunks`), and the chunks the entry imports statically, along with the entry, so they
 * cost no round trip after it and do not share the link with the first paint's files.
 *
 * It reads the HTML Vite writes, and stops the build, naming index.html, when that is not what it
 * expects (`deferEntry`): a page whose entry quietly started before the first paint again would
 * pass every functional test.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin, ResolvedConfig, Rolldown } from 'vite'
import { orderCheck, READERS_OF_BUILT_FILES } from './plugin-order.ts'

/** The tag Vite writes for the app's entry: the site's base and assets/ folder, then the file. */
const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+\/)([^"/]+\.js)"><\/script>/
/** Vite's preloads of the chunks the entry imports statically. */
const MODULE_PRELOAD = /\n?[ \t]*<link rel="modulepreload" crossorigin href="([^"]+)">/g

export const DEFER_ENTRY = 'newsreader:defer-entry'

export function deferEntryPlugin(): Plugin {
  let config: ResolvedConfig
  return {
    name: DEFER_ENTRY,
    apply: 'build',
    configResolved(c) {
      config = c
      orderCheck(DEFER_ENTRY, READERS_OF_BUILT_FILES)(c)
    },
    writeBundle(_options, bundle) {
      if (config.build.ssr) return
      const outDir = resolve(config.root, config.build.outDir)
      const indexPath = join(outDir, 'index.html')
      const deferred = deferEntry(readFileSync(indexPath, 'utf8'), bundle, indexPath)
      writeFileSync(join(outDir, 'assets', deferred.bootName), deferred.boot)
      writeFileSync(indexPath, deferred.html)
    },
  }
}

/**
 * index.html (`html`, read from `indexPath`) with the boot module's tag in place of the entry's
 * and of Vite's module preloads, and the boot module. Throws, naming the file, when the HTML is
 * not what Vite writes: a build whose entry started before the first paint would pass unnoticed.
 */
export function deferEntry(
  html: string,
  bundle: Rolldown.OutputBundle,
  indexPath: string,
): { html: string; boot: string; bootName: string } {
  const match = ENTRY_SCRIPT.exec(html)
  if (!match) {
    throw new Error(
      `defer-entry: ${indexPath} has no <script type="module" crossorigin src=".../assets/<entry>.js"></script>, ` +
        "the tag Vite writes for the app's entry, for the boot script to take the place of. " +
        "Vite's HTML has changed: update ENTRY_SCRIPT in scripts/site/startup/defer-entry.ts.",
    )
  }
  const [tag, folder = '', entry = ''] = match
  const entryChunk = bundle[`assets/${entry}`]
  if (entryChunk?.type !== 'chunk' || !entryChunk.isEntry) {
    throw new Error(
      `defer-entry: ${indexPath} loads ${folder}${entry}, which is no entry chunk of the bundle (assets/${entry})`,
    )
  }
  // The entry's static imports, which Vite preloads from the head, are fetched with the entry
  // too: before the first paint they would share the link with what the paint needs.
  const vitePreloads = [...html.matchAll(MODULE_PRELOAD)].map(([, href = '']) => href)
  const preloadTags = html.match(/<link\b[^>]*\brel="modulepreload"/g) ?? []
  if (preloadTags.length !== vitePreloads.length) {
    throw new Error(
      `defer-entry: ${indexPath} has ${preloadTags.length} modulepreload links, of which ` +
        `${vitePreloads.length} read <link rel="modulepreload" crossorigin href="...">, the tag Vite ` +
        'writes: the boot script would leave the others to load before the first paint. Update ' +
        'MODULE_PRELOAD in scripts/site/startup/defer-entry.ts.',
    )
  }
  const libraries = startupChunks(bundle, entryChunk.fileName)
  if (libraries.length === 0) {
    throw new Error(
      `defer-entry: the entry assets/${entry} imports no library chunk dynamically, where React DOM ` +
        'is expected (src/app/start/start.tsx imports react-dom/client for a task of its own): ' +
        'the boot script would not fetch it along with the entry.',
    )
  }
  const preloads = [
    ...vitePreloads,
    // Beside the entry, in the folder the page loads it from (the site's base and assets/).
    ...libraries.map(
      (chunk) => `${folder}${chunk.fileName.slice(chunk.fileName.lastIndexOf('/') + 1)}`,
    ),
  ]
  const boot = bootScript(`./${entry}`, preloads)
  const bootName = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 8)}.js`
  const deferred = `<script type="module" crossorigin src="${folder}${bootName}"></script>`
  return {
    html: html.replace(tag, () => deferred).replace(MODULE_PRELOAD, ''),
    boot,
    bootName,
  }
}

/** How long the boot waits for a paint report before it starts the app anyway. */
const BOOT_BOUND_MS = 3000

/**
 * The chunks an entry imports dynamically that are libraries (their facade module lies in
 * node_modules), not the app's own lazy routes: React DOM, which src/app/start/start.tsx imports
 * at once for a task of its own. Every page load needs them, right after the entry.
 */
export function startupChunks(
  bundle: Rolldown.OutputBundle,
  entryFileName: string,
): Rolldown.OutputChunk[] {
  const entry = bundle[entryFileName]
  if (entry?.type !== 'chunk') return []
  return entry.dynamicImports.flatMap((fileName) => {
    const chunk = bundle[fileName]
    return chunk?.type === 'chunk' && /[\\/]node_modules[\\/]/.test(chunk.facadeModuleId ?? '')
      ? [chunk]
      : []
  })
}

/**
 * The boot module's source: imports `entry` after the first contentful paint (see above), and
 * at the same moment module-preloads `preloads` (their URLs): its static imports and start-up
 * chunks.
 */
export function bootScript(entry: string, preloads: readonly string[] = []): string {
  return `const start = () => {
  const app = import(${JSON.stringify(entry)})
  for (const file of ${JSON.stringify(preloads)}) {
    const link = document.createElement('link')
    link.rel = 'modulepreload'
    link.href = file
    document.head.append(link)
  }
  return app
}
const root = document.getElementById('root')
if (root === null || !root.hasChildNodes() || typeof PerformanceObserver !== 'function') {
  start()
} else {
  let started = false
  const go = () => {
    if (started) return
    started = true
    observer.disconnect()
    setTimeout(start)
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) go()
  })
  observer.observe({ type: 'paint', buffered: true })
  setTimeout(go, ${BOOT_BOUND_MS})
}
`
}
