/**
 * npm run bench:hostile
 *
 * Time and memory of the corpus compiler on hostile files (scripts/bench/corpus/hostile-corpus.ts: a
 * 50 MB file, a million one-character lines, 10,000-deep YAML lists and mappings, billion laughs,
 * a symlink out of the folder, an unreadable file, a FIFO), written into bench-out/hostile/ and
 * deleted afterwards. Prints two tables: each file's time in the reader (readCorpus, in this
 * process, the time between its progress calls) and outcome; then the whole compile
 * (compileCorpus) in a fresh process, of the valid files alone and of the hostile corpus, with
 * wall time and peak RSS, so the cost the hostile files add shows as the difference.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { isRecord, markdownTable, readOptions, secondsSince } from './common.ts'
import { BENCH_DIR, ROOT } from './corpora.ts'
import { loadAverage, machineLine } from './machine.ts'
import { readCorpus } from '../site/corpus/read-corpus.ts'
import { writeHostileCorpus } from './corpus/hostile-corpus.ts'

const OUT = join(BENCH_DIR, 'hostile')
const CHILD = join(ROOT, 'scripts', 'bench', 'corpus', 'compile-child.ts')
const MB = 1024 * 1024

type Child = { seconds: number; articles: number; errors: number; maxRssKb: number }

const USAGE = `npm run bench:hostile

Times the corpus compiler on hostile files written into bench-out/hostile/; no options.`

function isChild(value: unknown): value is Child {
  return (
    isRecord(value) &&
    ['seconds', 'articles', 'errors', 'maxRssKb'].every((key) => typeof value[key] === 'number')
  )
}

/** compileCorpus in a fresh Node process: its wall time (Node and tsx start included) and RSS. */
function compileFresh(corpusDir: string, outDir: string): Child & { wallSeconds: number } {
  rmSync(outDir, { recursive: true, force: true })
  const started = performance.now()
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD, corpusDir, outDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  })
  const wallSeconds = secondsSince(started)
  rmSync(outDir, { recursive: true, force: true })
  if (run.status !== 0) {
    throw new Error(
      `the compile of ${corpusDir} failed (${run.signal ?? run.status}): ${run.stderr}`,
    )
  }
  const parsed: unknown = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '')
  if (!isChild(parsed)) throw new Error(`unexpected output from the compile child: ${run.stdout}`)
  return { ...parsed, wallSeconds }
}

function sizeOf(path: string): string {
  const stat = lstatSync(path)
  if (stat.isSymbolicLink()) return 'symlink'
  if (stat.isFIFO()) return 'FIFO'
  return stat.size >= MB
    ? `${(stat.size / MB).toFixed(1)} MB`
    : `${(stat.size / 1024).toFixed(1)} kB`
}

function main(): void {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  // Root reads a mode-000 file anyway: the case is only meaningful for another user.
  const asRoot = process.getuid?.() === 0
  try {
    const corpus = writeHostileCorpus(OUT, { unreadable: !asRoot })
    const kindOf = new Map<string, string>()
    for (const [kind, file] of Object.entries(corpus.hostile)) kindOf.set(file, kind)
    for (const { file } of corpus.valid) kindOf.set(file, 'valid')

    // The reader's own order: the .txt files at the top level, by name.
    const files = readdirSync(corpus.dir)
      .filter((name) => !name.startsWith('.') && name.endsWith('.txt'))
      .sort()
    const marks: number[] = []
    const started = performance.now()
    const read = readCorpus(corpus.dir, { onProgress: () => marks.push(performance.now()) })
    const readMs = performance.now() - started

    const perFile = markdownTable(
      ['file', 'case', 'size', 'outcome', 'time in the reader'],
      files.map((file, i) => {
        const error = read.diagnostics.find((d) => d.file === file && d.severity === 'error')
        const outcome = error ? `line ${error.line}: ${error.message}` : 'compiled'
        const ms = (marks[i + 1] ?? 0) - (marks[i] ?? 0)
        return [
          file,
          kindOf.get(file) ?? '?',
          sizeOf(join(corpus.dir, file)),
          outcome,
          `${ms.toFixed(1)} ms`,
        ]
      }),
      ['left', 'left', 'right', 'left', 'right'],
    )

    const validDir = join(OUT, 'valid-only')
    mkdirSync(validDir)
    for (const { file } of corpus.valid) cpSync(join(corpus.dir, file), join(validDir, file))
    const baseline = compileFresh(validDir, join(OUT, 'out-valid'))
    const hostile = compileFresh(corpus.dir, join(OUT, 'out-hostile'))
    const row = (label: string, r: Child & { wallSeconds: number }) => [
      label,
      String(r.articles),
      String(r.errors),
      `${r.seconds.toFixed(2)} s`,
      `${r.wallSeconds.toFixed(2)} s`,
      `${(r.maxRssKb / 1024).toFixed(0)} MB`,
    ]

    console.log(
      [
        '## Hostile corpus benchmark',
        '',
        `Machine: ${machineLine()}, load ${loadAverage()}`,
        asRoot
          ? 'Running as root, which reads a mode-000 file: the unreadable-file case is left out here (the test runs it as nobody).'
          : '',
        '',
        perFile,
        '',
        `readCorpus of the whole folder, in this process: ${readMs.toFixed(0)} ms`,
        '',
        markdownTable(
          ['fresh process compile', 'articles', 'errors', 'compileCorpus', 'wall time', 'peak RSS'],
          [row('the valid files alone', baseline), row('the hostile corpus', hostile)],
          ['left', 'right', 'right', 'right', 'right', 'right'],
        ),
        '',
        `The hostile files add ${(hostile.seconds - baseline.seconds).toFixed(2)} s of compile and ${((hostile.maxRssKb - baseline.maxRssKb) / 1024).toFixed(0)} MB of peak RSS.`,
      ]
        .filter((line, i, all) => line !== '' || all[i - 1] !== '')
        .join('\n'),
    )
  } finally {
    rmSync(OUT, { recursive: true, force: true })
  }
}

try {
  readOptions({ usage: USAGE, options: {} })
  main()
} catch (cause) {
  console.error(`bench: ${cause instanceof Error ? cause.message : String(cause)}`)
  process.exitCode = 1
}
