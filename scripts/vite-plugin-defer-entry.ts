/**
 * Starts the app's script after the first paint. A prerendered page is complete without it, so
 * its download must not compete with the page's own paint (on a slow phone link it tripled the
 * article's Largest Contentful Paint). The entry <script> becomes a tiny module, an external file
 * so the Content Security Policy needs no exception, that imports the entry on the next frame.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'

const ENTRY_SCRIPT = /<script type="module" crossorigin src="([^"]+\/)([^"/]+\.js)"><\/script>/

export function deferEntryPlugin(): Plugin {
  let config: ResolvedConfig
  return {
    name: 'newsreader:defer-entry',
    apply: 'build',
    configResolved(c) {
      config = c
    },
    writeBundle() {
      if (config.build.ssr) return
      const outDir = resolve(config.root, config.build.outDir)
      const indexPath = join(outDir, 'index.html')
      const html = readFileSync(indexPath, 'utf8')
      const match = ENTRY_SCRIPT.exec(html)
      if (!match) return
      const [tag, folder = '', entry = ''] = match
      const boot = `requestAnimationFrame(() => setTimeout(() => import('./${entry}')))\n`
      const bootName = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 8)}.js`
      writeFileSync(join(outDir, 'assets', bootName), boot)
      const deferred = `<script type="module" crossorigin src="${folder}${bootName}"></script>`
      writeFileSync(
        indexPath,
        html.replace(tag, () => deferred),
      )
    },
  }
}
