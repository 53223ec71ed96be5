/**
 * Compiles the corpus into static data for the app: written under `<outDir>/data/<version>/` by
 * `vite build`, served from memory by `vite` dev and recompiled when a corpus file changes.
 * The app learns the data version from the virtual module `virtual:corpus`.
 */
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { Plugin, ResolvedConfig, ViteDevServer } from 'vite'
import { formatDiagnostic } from '../../../src/lib/corpus/types.ts'
import { corpusConfig } from '../corpus/config.ts'
import { emitSearchIndex } from '../search-index/emit-search-index.ts'
import { siteUrlFromEnv } from '../site-url.ts'
import { compileCorpus } from '../corpus/compile-corpus.ts'
import { emitCorpus, memoryEmitter } from '../corpus/emit-corpus.ts'
import { readCorpus, type CorpusRead } from '../corpus/read-corpus.ts'
import { corpusReport, errorsOf } from '../corpus/report.ts'

const VIRTUAL_ID = 'virtual:corpus'
const RESOLVED_ID = `\0${VIRTUAL_ID}`

type State = { version: string; errors: string[] }

export function corpusPlugin(): Plugin {
  const config = corpusConfig()
  let resolved: ResolvedConfig
  let state: State = { version: '', errors: [] }
  let staged: string | null = null

  const cacheDir = () =>
    resolve(resolved.root, `node_modules/.cache/newsreader-corpus/${process.pid}`)
  const checkDir = () => {
    if (!existsSync(config.dir)) {
      throw new Error(`corpus folder not found: ${config.dir} (set CORPUS_DIR to another folder)`)
    }
  }

  return {
    name: 'newsreader:corpus',
    configResolved(c) {
      resolved = c
    },

    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null
    },

    load(id) {
      if (id !== RESOLVED_ID) return null
      const lines = [
        `export const dataVersion = ${JSON.stringify(state.version)}`,
        `export const siteUrl = ${JSON.stringify(siteUrlFromEnv())}`,
      ]
      if (resolved.command === 'serve' && state.errors.length > 0) {
        lines.push(devOverlayCode(state.errors))
      }
      return lines.join('\n')
    },

    buildStart() {
      // The server-rendering build (for the prerender step) needs the code, not the data.
      if (resolved.command !== 'build' || resolved.build.ssr) return
      checkDir()
      // Per process, so that two builds in one checkout (the site and the e2e fixture) never meet.
      const cache = cacheDir()
      rmSync(cache, { recursive: true, force: true })
      const compiled = compileCorpus(config, cache, [emitSearchIndex])
      const errors = errorsOf(compiled.read)
      const report = corpusReport(
        compiled.read,
        relative(resolved.root, config.dir) || '.',
        compiled.seconds,
      )
      if (errors.length > 0 && !config.allowErrors) {
        this.error(
          `${report}\n\nThe corpus has errors: fix them, or set CORPUS_ALLOW_ERRORS=1 to build the valid articles and skip the broken files.`,
        )
      }
      if (errors.length > 0) {
        this.warn(
          `CORPUS_ALLOW_ERRORS is set: skipping ${new Set(errors.map((e) => e.file)).size} broken files\n${report}`,
        )
      } else {
        resolved.logger.info(report.split('\n').slice(0, 3).join('\n'))
      }
      state = { version: compiled.summary.version, errors: [] }
      staged = join(cache, compiled.summary.version)
    },

    writeBundle() {
      if (resolved.build.ssr) return
      const outDir = resolve(resolved.root, resolved.build.outDir)
      // GitHub Pages (and other hosts) serve 404.html for unknown paths: let the app route them.
      if (existsSync(join(outDir, 'index.html'))) {
        copyFileSync(join(outDir, 'index.html'), join(outDir, '404.html'))
      }
      if (!staged) return
      // Unhashed and revalidated: an open tab whose data went missing asks it whether the site
      // was redeployed (src/lib/deployment.ts).
      writeFileSync(join(outDir, VERSION_FILE), versionFile(state.version))
      const target = join(outDir, 'data', state.version)
      mkdirSync(resolve(target, '..'), { recursive: true })
      rmSync(target, { recursive: true, force: true })
      try {
        renameSync(staged, target)
      } catch {
        cpSync(staged, target, { recursive: true })
        rmSync(staged, { recursive: true, force: true })
      }
      staged = null
      rmSync(cacheDir(), { recursive: true, force: true })
    },

    configureServer(server) {
      checkDir()
      let files = new Map<string, string | Uint8Array>()
      const compile = () => {
        const read = readCorpus(config.dir, { maxBytes: config.maxBytes })
        const next = new Map<string, string | Uint8Array>()
        const summary = emitCorpus(read.articles, memoryEmitter(next), undefined, [emitSearchIndex])
        files = next
        state = { version: summary.version, errors: errorsOf(read).map(formatDiagnostic) }
        logDev(server, read)
      }
      compile()

      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? ''
        if (path === `${resolved.base}${VERSION_FILE}`) {
          res.setHeader('Content-Type', 'application/json; charset=utf-8')
          res.setHeader('Cache-Control', 'no-store')
          res.end(versionFile(state.version))
          return
        }
        const prefix = `${resolved.base}data/`
        if (!path.startsWith(prefix)) return next()
        const [version, ...rest] = path.slice(prefix.length).split('/')
        const content =
          version === state.version ? files.get(decodePath(rest.join('/'))) : undefined
        const json = path.endsWith('.json')
        res.setHeader(
          'Content-Type',
          json ? 'application/json; charset=utf-8' : 'application/octet-stream',
        )
        res.setHeader('Cache-Control', 'no-store')
        if (content === undefined) {
          res.statusCode = 404
          res.end(JSON.stringify({ error: 'not found' }))
          return
        }
        res.end(content)
      })

      let timer: NodeJS.Timeout | undefined
      server.watcher.add(config.dir)
      server.watcher.on('all', (_event, file) => {
        if (!resolve(file).startsWith(config.dir)) return
        clearTimeout(timer)
        timer = setTimeout(() => {
          compile()
          const module = server.moduleGraph.getModuleById(RESOLVED_ID)
          if (module) server.moduleGraph.invalidateModule(module)
          server.ws.send({ type: 'full-reload', path: '*' })
        }, 100)
      })
    },
  }
}

/** A URL path decoded, or as it is when its percent-encoding is malformed (then no file has it). */
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/** The file the build writes at the site's root (read by src/lib/deployment.ts). */
export const VERSION_FILE = 'version.json'

export function versionFile(version: string): string {
  return `${JSON.stringify({ version })}\n`
}

function logDev(server: ViteDevServer, read: CorpusRead) {
  const errors = errorsOf(read)
  const line = `corpus: ${read.articles.length} articles, ${errors.length} errors`
  if (errors.length === 0) {
    server.config.logger.info(line, { timestamp: true })
    return
  }
  server.config.logger.error(
    `${line} (the broken files are left out until fixed)\n${errors.map((e) => `  ${formatDiagnostic(e)}`).join('\n')}`,
    { timestamp: true },
  )
}

/** Shows the corpus errors in Vite's error overlay, each time the page loads while they last. */
function devOverlayCode(errors: string[]): string {
  const message = `The corpus has errors; these files are left out:\n\n${errors.join('\n')}`
  return `
if (typeof document !== 'undefined') {
  const Overlay = customElements.get('vite-error-overlay')
  if (Overlay) {
    document.body.appendChild(new Overlay({ message: ${JSON.stringify(message)}, stack: '', plugin: 'newsreader:corpus' }))
  }
}`
}
