/**
 * Sites the e2e suite builds for itself besides the main one (the fixture corpus under a sub-path,
 * the languages corpus): `npm run build` into e2e/.dist-<name>-<hash of the build's inputs>, built
 * once for a given source and reused until a source changes. Workers that ask together build it
 * once (a lock folder), and older copies of the same name are removed.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** A lock older than this was left by a worker that died: it is taken. */
const STALE_LOCK_MS = 300_000

export type FixtureBuild = {
  /** Names the folder: e2e/.dist-<name>-<hash>. */
  name: string
  /** The corpus folder, relative to the project. */
  corpus: string
  basePath: string
  siteUrl: string
}

/** The files whose content decides what the build writes. */
function buildInputs(corpus: string): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (!/\.test\.tsx?$/.test(entry.name)) files.push(path)
    }
  }
  for (const dir of ['src', 'scripts/site', 'public', corpus]) walk(join(ROOT, dir))
  files.push(...['index.html', 'vite.config.ts', 'package-lock.json'].map((f) => join(ROOT, f)))
  return files.sort()
}

function runBuild(site: FixtureBuild, outDir: string): void {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/site/build.ts', '--outDir', outDir],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        CORPUS_DIR: site.corpus,
        BASE_PATH: site.basePath,
        SITE_URL: site.siteUrl,
        CORPUS_ALLOW_ERRORS: '',
      },
    },
  )
  if (result.status !== 0) {
    throw new Error(`the ${site.name} build failed:\n${result.stdout}\n${result.stderr}`)
  }
}

/** The built site's folder, relative to the project. */
export async function fixtureBuild(site: FixtureBuild): Promise<string> {
  const hash = createHash('sha256').update(`${site.basePath}\0${site.siteUrl}\0`)
  for (const file of buildInputs(site.corpus)) {
    hash.update(relative(ROOT, file)).update(readFileSync(file))
  }
  const prefix = `.dist-${site.name}-`
  const name = `${prefix}${hash.digest('hex').slice(0, 12)}`
  const dist = join('e2e', name)
  const full = join(ROOT, dist)
  if (existsSync(join(full, 'index.html'))) return dist
  const lock = `${full}.lock`
  try {
    mkdirSync(lock)
  } catch {
    // Another worker builds it: wait for its result.
    const deadline = Date.now() + STALE_LOCK_MS
    while (!existsSync(join(full, 'index.html'))) {
      if (Date.now() > deadline || Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) {
        rmSync(lock, { recursive: true, force: true })
        return fixtureBuild(site)
      }
      await new Promise((wake) => setTimeout(wake, 500))
    }
    return dist
  }
  try {
    const building = `${full}.tmp`
    rmSync(building, { recursive: true, force: true })
    runBuild(site, relative(ROOT, building))
    for (const entry of readdirSync(join(ROOT, 'e2e'))) {
      if (entry.startsWith(prefix) && !entry.startsWith(name)) {
        rmSync(join(ROOT, 'e2e', entry), { recursive: true, force: true })
      }
    }
    renameSync(building, full)
    return dist
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}
