/**
 * Writes the service worker, `sw.js` at the site's base, when the client build ends: it bundles
 * src/service-worker/worker.ts with this build's precache list (the shell, every file under
 * `assets/`, the icons and web app manifest, the corpus manifest and first list page) and a
 * version hashed from those files' contents, which names the worker's caches. A redeploy that
 * changes any of them changes sw.js, so browsers install the new worker beside the old one.
 *
 * Runs after the other plugins' writeBundle (the corpus data and the deferred entry script are
 * on disk by then). shell.html is written by the prerender step after this build, from the
 * index.html it hashes.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { build, type Plugin, type ResolvedConfig } from 'vite'
import type { ServiceWorkerBuild } from '../../../src/service-worker/cache-plan.ts'
import { dataPaths } from '../../../src/lib/corpus/compiled.ts'

const VIRTUAL_BUILD = 'virtual:service-worker-build'
export const SERVICE_WORKER_FILE = 'sw.js'
/** Files from public/ the app shell shows or the browser asks for to install the app. */
const PUBLIC_FILES = ['favicon.svg', 'manifest.webmanifest']
const ICONS_DIR = 'icons'

function filesUnder(outDir: string, dir: string): string[] {
  const full = join(outDir, dir)
  if (!existsSync(full)) return []
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
}

/** The single corpus data version in a build's `data/` folder. */
export function dataVersionOf(outDir: string): string {
  const dir = join(outDir, 'data')
  const versions = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())
    : []
  if (versions.length !== 1 || !versions[0]) {
    throw new Error(`service worker: expected one data version in ${dir}, found ${versions.length}`)
  }
  return versions[0].name
}

/** What the worker precaches, relative to the site's base, in a stable order. */
export function precacheList(outDir: string, dataVersion: string): string[] {
  const data = [dataPaths.manifest(), dataPaths.listPage(1)]
    .map((path) => `data/${dataVersion}/${path}`)
    .filter((path) => existsSync(join(outDir, path)))
  return [
    'shell.html',
    // Not the Brotli copies (vite-plugin-precompress.ts): the worker caches what fetch decoded.
    ...filesUnder(outDir, 'assets')
      .filter((file) => !file.endsWith('.br'))
      .sort(),
    ...PUBLIC_FILES.filter((file) => existsSync(join(outDir, file))),
    ...filesUnder(outDir, ICONS_DIR).sort(),
    ...data,
  ]
}

/**
 * A hash of the precached files' names and contents. shell.html does not exist yet when this
 * runs; the prerender derives it from index.html and the base path, which stand in for it.
 */
export function buildVersion(outDir: string, files: readonly string[], base: string): string {
  const hash = createHash('sha256').update(base)
  for (const file of files) {
    const onDisk = file === 'shell.html' ? 'index.html' : file
    hash.update(`\0${file}\0`).update(readFileSync(join(outDir, onDisk)))
  }
  return hash.digest('hex').slice(0, 16)
}

/** Bundles the worker with its build description into one classic script. */
async function bundleWorker(root: string, description: ServiceWorkerBuild): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: { '@': resolve(root, 'src') } },
    plugins: [
      {
        name: 'newsreader:service-worker-build',
        resolveId: (id) => (id === VIRTUAL_BUILD ? `\0${VIRTUAL_BUILD}` : null),
        load: (id) =>
          id === `\0${VIRTUAL_BUILD}`
            ? `export const build = ${JSON.stringify(description)}`
            : null,
      },
    ],
    build: {
      write: false,
      target: 'es2022',
      copyPublicDir: false,
      lib: {
        entry: resolve(root, 'src/service-worker/worker.ts'),
        formats: ['iife'],
        name: 'newsreaderServiceWorker',
        fileName: () => SERVICE_WORKER_FILE,
      },
    },
  })
  for (const result of Array.isArray(output) ? output : [output]) {
    if (!('output' in result)) continue
    for (const chunk of result.output) {
      if (chunk.type === 'chunk' && chunk.fileName === SERVICE_WORKER_FILE) return chunk.code
    }
  }
  throw new Error('service worker: the worker bundle has no sw.js')
}

export function serviceWorkerPlugin(): Plugin {
  let config: ResolvedConfig
  let written = false
  return {
    name: 'newsreader:service-worker',
    apply: 'build',
    configResolved(c) {
      config = c
    },
    writeBundle() {
      written = true
    },
    async closeBundle() {
      // Only after a bundle was written: a build that failed (a corpus error) reports its own.
      if (config.build.ssr || !written) return
      written = false
      const outDir = resolve(config.root, config.build.outDir)
      const dataVersion = dataVersionOf(outDir)
      const precache = precacheList(outDir, dataVersion)
      const version = buildVersion(outDir, precache, config.base)
      const code = await bundleWorker(config.root, { version, dataVersion, precache })
      writeFileSync(join(outDir, SERVICE_WORKER_FILE), code)
      config.logger.info(`service worker: ${precache.length} files precached, version ${version}`)
    },
  }
}
