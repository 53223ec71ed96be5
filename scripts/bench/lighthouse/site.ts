/**
 * The site the Lighthouse benchmark measures: built from a corpus for the origin it is served on,
 * served by scripts/site/serve.ts (the README's static-host rules), and the article it deep-links to.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { dataPaths } from '../../../src/lib/corpus/compiled.ts'
import { isRecord } from '../common.ts'

export type BenchArticle = {
  id: string
  slug: string
  title: string
  excerpt: string
  source: string | null
  date: string | null
  readingMinutes: number
  paragraphs: string[]
}

export type Server = { origin: string; stop: () => void }

/** Below this reading time an article is a stub (the wikinews corpus opens with a test page). */
const FULL_ARTICLE_MINUTES = 3

/** A port nothing listens on right now, from the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => (port > 0 ? resolvePort(port) : reject(new Error('no free port'))))
    })
  })
}

/** `tsx scripts/site/build.ts` in a child process, for the origin the site will be served from. */
export function buildSite(options: {
  root: string
  corpusDir: string
  outDir: string
  siteUrl: string
  /** More of the build's environment (CORPUS_RELATED=0, ...). */
  env?: NodeJS.ProcessEnv
}): void {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(options.root, 'scripts', 'site', 'build.ts'),
      '--outDir',
      options.outDir,
    ],
    {
      cwd: options.root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: {
        ...process.env,
        CORPUS_DIR: options.corpusDir,
        SITE_URL: options.siteUrl,
        BASE_PATH: '/',
        ...options.env,
      },
    },
  )
  if (result.status !== 0) {
    throw new Error(`the build failed:\n${result.stdout}\n${result.stderr}`)
  }
}

/** Starts scripts/site/serve.ts in its own process group and resolves once it answers. */
export async function startServer(options: {
  root: string
  dir: string
  port: number
}): Promise<Server> {
  const origin = `http://127.0.0.1:${options.port}`
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(options.root, 'scripts', 'site', 'serve.ts'),
      '--dir',
      options.dir,
      '--port',
      String(options.port),
      '--host',
      '127.0.0.1',
    ],
    { cwd: options.root, detached: true, stdio: 'ignore', env: { ...process.env, BASE_PATH: '/' } },
  )
  const pid = child.pid
  if (pid === undefined) throw new Error('could not start scripts/site/serve.ts')
  let stopped = false
  const stop = () => {
    if (stopped) return
    stopped = true
    try {
      process.kill(-pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  process.once('exit', stop)
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`scripts/site/serve.ts exited with ${child.exitCode}`)
    try {
      const response = await fetch(`${origin}/robots.txt`)
      if (response.ok) return { origin, stop }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200))
  }
  stop()
  throw new Error(`scripts/site/serve.ts did not answer at ${origin} within 30 s`)
}

function stringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string'
}

type ListEntry = { id: string; readingMinutes: number }

function isListEntry(value: unknown): value is ListEntry {
  return isRecord(value) && typeof value.id === 'string' && typeof value.readingMinutes === 'number'
}

function isBenchArticle(value: unknown): value is BenchArticle {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.slug === 'string' &&
    typeof value.title === 'string' &&
    typeof value.excerpt === 'string' &&
    stringOrNull(value.source) &&
    stringOrNull(value.date) &&
    typeof value.readingMinutes === 'number' &&
    Array.isArray(value.paragraphs) &&
    value.paragraphs.every((p) => typeof p === 'string')
  )
}

/** The one versioned data folder of a fresh build. */
function dataDir(siteDir: string): string {
  const versions = readdirSync(join(siteDir, 'data'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
  if (versions.length !== 1 || versions[0] === undefined) {
    throw new Error(`expected one data version in ${siteDir}/data, found ${versions.length}`)
  }
  return join(siteDir, 'data', versions[0])
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/**
 * The article to deep-link: `id` when given, else the newest article of at least
 * FULL_ARTICLE_MINUTES reading time on the home list (else the newest of all).
 */
export function pickArticle(siteDir: string, id?: string): BenchArticle {
  const data = dataDir(siteDir)
  let chosen = id
  for (let page = 1; chosen === undefined; page += 1) {
    const path = join(data, dataPaths.listPage(page))
    if (!existsSync(path)) break
    const list = readJson(path)
    const items = isRecord(list) && Array.isArray(list.items) ? list.items.filter(isListEntry) : []
    chosen = items.find((item) => item.readingMinutes >= FULL_ARTICLE_MINUTES)?.id
  }
  if (chosen === undefined) {
    const first = readJson(join(data, dataPaths.listPage(1)))
    const items = isRecord(first) && Array.isArray(first.items) ? first.items : []
    chosen = items.find(isListEntry)?.id
  }
  if (chosen === undefined) throw new Error(`the corpus built into ${siteDir} has no articles`)
  const path = join(data, dataPaths.article(chosen))
  if (!existsSync(path)) throw new Error(`no article ${chosen} in the build`)
  const article = readJson(path)
  if (!isBenchArticle(article)) throw new Error(`${path} is not an article data file`)
  return article
}

/** A word of the title to search for: its longest, lowercased (ties: the first). */
export function searchWord(title: string): string {
  const words = title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  return words.reduce((best, word) => (word.length > best.length ? word : best), '')
}
