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
 * entry's (src/main.tsx). The boot fetches such start-up library chunks (see `startupChunks`),
 * and the chunks the entry imports statically, along with the entry, so they cost no round trip
 * after it and do not share the link with the first paint's files.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin, ResolvedConfig, Rolldown } from 'vite'

const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+\/)([^"/]+\.js)"><\/script>/
/** Vite's preloads of the chunks the entry imports statically. */
const MODULE_PRELOAD = /\n?[ \t]*<link rel="modulepreload" crossorigin href="([^"]+)">/g

export function deferEntryPlugin(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'newsreader:defer-entry',
    apply: 'build',
    configResolved(c) {
      config = c
    },
    writeBundle(_options, bundle) {
      if (config.build.ssr) return
      const outDir = resolve(config.root, config.build.outDir)
      const indexPath = join(outDir, 'index.html')
      const html = readFileSync(indexPath, 'utf8')
      const match = ENTRY_SCRIPT.exec(html)
      if (!match) return
      const [tag, folder = '', entry = ''] = match
      // The entry's static imports, which Vite preloads from the head, are fetched with the entry
      // too: before the first paint they would share the link with what the paint needs.
      const preloads = [
        ...[...html.matchAll(MODULE_PRELOAD)].map(([, href = '']) => href),
        // Beside the entry, in the folder the page loads it from (the site's base and assets/).
        ...startupChunks(bundle, `assets/${entry}`).map(
          (chunk) => `${folder}${chunk.fileName.slice(chunk.fileName.lastIndexOf('/') + 1)}`,
        ),
      ]
      const boot = bootScript(`./${entry}`, preloads)
      const bootName = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 8)}.js`
      writeFileSync(join(outDir, 'assets', bootName), boot)
      const deferred = `<script type="module" crossorigin src="${folder}${bootName}"></script>`
      writeFileSync(indexPath, html.replace(tag, () => deferred).replace(MODULE_PRELOAD, ''))
    },
  }
}

/** How long the boot waits for a paint report before it starts the app anyway. */
const BOOT_BOUND_MS = 3000

/**
 * The chunks an entry imports dynamically that are libraries (their facade module lies in
 * node_modules), not the app's own lazy routes: React DOM, which src/main.tsx imports at once
 * for a task of its own. Every page load needs them, right after the entry.
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
