/**
 * The generated corpora the benchmarks share: N articles with seed 1, cached in
 * bench-out/corpus-<N>-seed1/ and reused when complete (a marker file records a finished run);
 * and the size of a folder the benchmarks measure.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isRecord } from './common.ts'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BENCH_DIR = join(ROOT, 'bench-out')
export const SEED = 1
const GENERATOR = join(ROOT, 'scripts', 'bench', 'corpus', 'generate-corpus.ts')
/** Written into a cached corpus once its generation finished. Dot files are not articles. */
const COMPLETE_MARKER = '.bench-complete.json'

export type GeneratedCorpus = { dir: string; generated: { seconds: number } | 'cached' }

export function countTxt(dir: string): number {
  return readdirSync(dir).filter((name) => name.endsWith('.txt')).length
}

export function corpusDir(size: number): string {
  return join(BENCH_DIR, `corpus-${size}-seed${SEED}`)
}

/** The cached corpus for `size`, generated first when missing or incomplete. */
export function ensureCorpus(size: number): GeneratedCorpus {
  const dir = corpusDir(size)
  const marker = join(dir, COMPLETE_MARKER)
  if (existsSync(marker)) {
    const recorded: unknown = JSON.parse(readFileSync(marker, 'utf8'))
    const count = isRecord(recorded) ? recorded.count : undefined
    if (count === size && countTxt(dir) === size) return { dir, generated: 'cached' }
  }
  rmSync(marker, { force: true })
  console.error(`bench: generating ${size} articles into ${relative(ROOT, dir)}`)
  const started = performance.now()
  const args = ['--count', String(size), '--out', dir, '--seed', String(SEED), '--force']
  const run = spawnSync(process.execPath, ['--import', 'tsx', GENERATOR, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  if (run.status !== 0) throw new Error(`generating ${size} articles failed (exit ${run.status})`)
  const seconds = (performance.now() - started) / 1000
  writeFileSync(marker, JSON.stringify({ count: size, seed: SEED }))
  return { dir, generated: { seconds } }
}

/** Files and bytes under `dir`, recursively. */
export function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    files += 1
    bytes += statSync(join(entry.parentPath, entry.name)).size
  }
  return { files, bytes }
}
