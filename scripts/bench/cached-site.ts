/**
 * A built site for a corpus, cached in bench-out/sites/<name>/ and reused while neither the corpus
 * (file names, sizes, modification times) nor the app's sources changed. The build is the real
 * `npm run build` (scripts/bench/lighthouse/site.ts), for a fixed site URL: canonical links are not
 * what a benchmark measures, so the site can be served on any port.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { buildSite } from './lighthouse/site.ts'
import { BENCH_DIR, ROOT } from './corpora.ts'

const STAMP = '.bench-stamp'
const SITE_URL = 'http://127.0.0.1:4173'
/** What the build reads besides the corpus. */
const APP_INPUTS = ['src', 'scripts', 'public', 'index.html', 'vite.config.ts', 'package-lock.json']
/** Sources the build does not read: the benchmarks themselves, and tests. */
const NOT_BUILD_INPUTS = /^scripts\/(bench\/|bench-|lighthouse\/)|\.test\.tsx?$/

export type CachedSite = {
  dir: string
  built: { seconds: number } | 'cached'
  /** The digest the build was made from (siteStamp). */
  stamp: string
  /** Reused although the corpus or the sources changed since (the `reuse` option). */
  stale: boolean
}

function addTree(hash: ReturnType<typeof createHash>, path: string): void {
  if (!existsSync(path) || NOT_BUILD_INPUTS.test(relative(ROOT, path))) return
  if (statSync(path).isFile()) {
    hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0')
    return
  }
  const entries = readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  for (const file of entries) addTree(hash, file)
}

/** A digest of the app's sources and of the corpus folder's listing. */
export function siteStamp(corpusDir: string): string {
  const hash = createHash('sha256')
  for (const input of APP_INPUTS) addTree(hash, join(ROOT, input))
  const names = readdirSync(corpusDir).sort()
  for (const name of names) {
    const stat = statSync(join(corpusDir, name))
    hash.update(`${name}\0${stat.size}\0${stat.mtimeMs}\0`)
  }
  return hash.digest('hex')
}

/**
 * The site built from `corpusDir` into bench-out/sites/<name>/, built only when stale; with
 * `reuse`, any complete earlier build is taken (other work may be changing the sources while a
 * long benchmark runs: a rebuild of 100,000 articles takes minutes).
 */
export function cachedSite(options: {
  corpusDir: string
  name: string
  rebuild?: boolean
  reuse?: boolean
}): CachedSite {
  const dir = join(BENCH_DIR, 'sites', options.name)
  const stampPath = join(dir, STAMP)
  const stamp = siteStamp(options.corpusDir)
  if (options.rebuild !== true && existsSync(stampPath)) {
    const recorded = readFileSync(stampPath, 'utf8')
    if (recorded === stamp || options.reuse === true) {
      return { dir, built: 'cached', stamp: recorded, stale: recorded !== stamp }
    }
  }
  rmSync(dir, { recursive: true, force: true })
  console.error(
    `bench: building the site for ${relative(ROOT, options.corpusDir)} into ${relative(ROOT, dir)}`,
  )
  const started = performance.now()
  buildSite({ root: ROOT, corpusDir: options.corpusDir, outDir: dir, siteUrl: SITE_URL })
  writeFileSync(stampPath, stamp)
  return { dir, built: { seconds: (performance.now() - started) / 1000 }, stamp, stale: false }
}
