/**
 * npm run bench:corpus [-- --sizes 1000,10000,100000 --runs 1]
 *
 * For each size: generates a corpus (seed 1, cached in bench-out/corpus-<N>-seed1/ and reused when
 * complete), compiles it in a fresh Node process (scripts/bench/corpus/compile-child.ts), measures
 * the child's wall time and peak RSS (GNU time when present, else the child's own
 * process.resourceUsage()), sizes the output folder, then deletes the output. Prints a markdown
 * table, the machine, and whether the targets are met. Exits 1 when a target is missed.
 *
 * Each size is compiled twice, with the related stories (as the build does) and without
 * (CORPUS_RELATED=0), and the report gives what choosing them adds: at 100,000 articles at most
 * 30 s of wall time, and no more peak memory than the compile already uses (5% of slack). On a
 * shared machine wall time grows with the load, so the report also gives the children's CPU time
 * (user + system, from GNU time) and the load average when the run started and ended. With
 * --runs N each size is compiled N times each way, alternating, and each figure is the median.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { BENCH_DIR, ROOT, SEED, ensureCorpus, folderSize, type GeneratedCorpus } from './corpora.ts'
import { machineLine } from './machine.ts'
import { median } from './common.ts'

const CHILD = join(ROOT, 'scripts', 'bench', 'corpus', 'compile-child.ts')
const GNU_TIME = '/usr/bin/time'

const MB = 1024 * 1024
const TIME_TARGETS = new Map([
  [10_000, 20],
  [100_000, 240],
])
const PEAK_RSS_TARGET_MB = 1.5 * 1024
const RELATED_SECONDS_TARGET = new Map([[100_000, 30]])
const RELATED_RSS_SLACK = 1.05

type ChildResult = {
  seconds: number
  articles: number
  files: number
  bytes: number
  errors: number
  warnings: number
  maxRssKb: number
}

type Row = ChildResult & {
  size: number
  /** Whether the compile chose related stories. */
  related: boolean
  wallSeconds: number
  /** User plus system time of the child, when GNU time measured it. */
  cpuSeconds: number | null
  peakRssKb: number
  rssFrom: 'GNU time' | 'child'
  outFiles: number
  outBytes: number
  generated: GeneratedCorpus['generated']
}

function isChildResult(value: unknown): value is ChildResult {
  if (typeof value !== 'object' || value === null) return false
  const keys = ['seconds', 'articles', 'files', 'bytes', 'errors', 'warnings', 'maxRssKb']
  return keys.every((key) => typeof Reflect.get(value, key) === 'number')
}

function readOptions(argv: string[]): { sizes: number[]; runs: number } {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '1000,10000,100000' },
      runs: { type: 'string', default: '1' },
    },
  })
  const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')))
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`--sizes must be whole numbers separated by commas, not "${values.sizes}"`)
  }
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a whole number of 1 or more, not "${values.runs}"`)
  }
  return { sizes, runs }
}

/** One row of the runs of a size compiled one way: the median of each measured figure. */
function medianRow(runs: readonly Row[]): Row {
  const [first] = runs
  if (!first) throw new Error('no runs to take the median of')
  const cpu = runs.map((r) => r.cpuSeconds)
  return {
    ...first,
    seconds: median(runs.map((r) => r.seconds)),
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    cpuSeconds: cpu.every((c) => c !== null) ? median(cpu) : null,
    peakRssKb: median(runs.map((r) => r.peakRssKb)),
    maxRssKb: median(runs.map((r) => r.maxRssKb)),
  }
}

function nodeScript(script: string, args: string[]): string[] {
  return ['--import', 'tsx', script, ...args]
}

/** GNU time prints "Maximum resident set size"; BusyBox and BSD time do not take -v alike. */
function hasGnuTime(): boolean {
  if (!existsSync(GNU_TIME)) return false
  const probe = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' })
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr)
}

function compile(
  size: number,
  corpusDir: string,
  gnuTime: boolean,
  related: boolean,
): Omit<Row, 'generated'> {
  const outDir = join(BENCH_DIR, `compile-${size}-${process.pid}`)
  rmSync(outDir, { recursive: true, force: true })
  const nodeArgs = nodeScript(CHILD, [corpusDir, outDir])
  const [command, args] = gnuTime
    ? [GNU_TIME, ['-v', process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs]
  console.error(
    `bench: compiling ${size} articles in a fresh process, ${related ? 'with' : 'without'} related stories`,
  )
  try {
    const started = performance.now()
    const run = spawnSync(command, args, {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 * MB,
      env: { ...process.env, CORPUS_RELATED: related ? '1' : '0' },
    })
    const wallSeconds = (performance.now() - started) / 1000
    if (run.status !== 0) {
      throw new Error(`compiling ${size} articles failed (exit ${run.status}):\n${run.stderr}`)
    }
    const line = run.stdout.trim().split('\n').at(-1) ?? ''
    const parsed: unknown = JSON.parse(line)
    if (!isChildResult(parsed)) throw new Error(`unexpected output from the compile child: ${line}`)
    const timed = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)
    const user = /User time \(seconds\): ([\d.]+)/.exec(run.stderr)
    const system = /System time \(seconds\): ([\d.]+)/.exec(run.stderr)
    const out = folderSize(outDir)
    return {
      ...parsed,
      size,
      related,
      wallSeconds,
      cpuSeconds: user && system ? Number(user[1]) + Number(system[1]) : null,
      peakRssKb: timed ? Number(timed[1]) : parsed.maxRssKb,
      rssFrom: timed ? 'GNU time' : 'child',
      outFiles: out.files,
      outBytes: out.bytes,
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

function table(rows: readonly Row[]): string {
  const lines = [
    '| articles | related | wall time (s) | CPU time (s) | peak RSS (MB) | output files | output size (MB) | rate (articles/s) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const r of rows) {
    const cells = [
      r.articles.toLocaleString('en-US'),
      r.related ? 'yes' : 'no',
      r.wallSeconds.toFixed(2),
      r.cpuSeconds === null ? 'n/a' : r.cpuSeconds.toFixed(2),
      (r.peakRssKb / 1024).toFixed(0),
      r.outFiles.toLocaleString('en-US'),
      (r.outBytes / MB).toFixed(1),
      Math.round(r.articles / r.wallSeconds).toLocaleString('en-US'),
    ]
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}

function targets(rows: readonly Row[]): { lines: string[]; missed: boolean } {
  const lines: string[] = []
  let missed = false
  const verdict = (ok: boolean) => {
    if (!ok) missed = true
    return ok ? 'met' : 'MISSED'
  }
  for (const [size, limit] of TIME_TARGETS) {
    const row = rows.find((r) => r.size === size && r.related)
    const label = `${size.toLocaleString('en-US')} articles in <= ${limit} s`
    lines.push(
      row
        ? `- ${label}: ${verdict(row.wallSeconds <= limit)} (${row.wallSeconds.toFixed(2)} s)`
        : `- ${label}: not run`,
    )
  }
  const peak = Math.max(...rows.map((r) => r.peakRssKb)) / 1024
  lines.push(
    `- peak RSS < ${(PEAK_RSS_TARGET_MB / 1024).toFixed(1)} GB: ${verdict(peak < PEAK_RSS_TARGET_MB)} (max ${peak.toFixed(0)} MB)`,
  )
  for (const cost of relatedCosts(rows)) {
    const label = `related stories at ${cost.size.toLocaleString('en-US')}`
    const limit = RELATED_SECONDS_TARGET.get(cost.size)
    const cpu = cost.cpuSeconds === null ? '' : `, +${cost.cpuSeconds.toFixed(2)} s CPU`
    const time = `+${cost.seconds.toFixed(2)} s wall${limit === undefined ? '' : ` (<= ${limit} s: ${verdict(cost.seconds <= limit)})`}${cpu}`
    // Issue 20 sets both targets at 100,000 articles; at other sizes the figures are for reading.
    const within = cost.withMb <= cost.withoutMb * RELATED_RSS_SLACK
    const memory = `peak RSS ${cost.withMb.toFixed(0)} MB vs ${cost.withoutMb.toFixed(0)} MB without, +${(100 * (cost.withMb / cost.withoutMb - 1)).toFixed(1)}%${limit === undefined ? '' : ` (within the compile's own, 5% slack: ${verdict(within)})`}`
    lines.push(`- ${label}: ${time}; ${memory}`)
  }
  return { lines, missed }
}

/** What choosing the related stories adds, for each size compiled both ways. */
function relatedCosts(rows: readonly Row[]) {
  return rows.flatMap((withRelated) => {
    const without = rows.find((r) => r.size === withRelated.size && !r.related)
    if (!withRelated.related || !without) return []
    return [
      {
        size: withRelated.size,
        seconds: withRelated.wallSeconds - without.wallSeconds,
        cpuSeconds:
          withRelated.cpuSeconds === null || without.cpuSeconds === null
            ? null
            : withRelated.cpuSeconds - without.cpuSeconds,
        inProcessSeconds: withRelated.seconds - without.seconds,
        withMb: withRelated.peakRssKb / 1024,
        withoutMb: without.peakRssKb / 1024,
      },
    ]
  })
}

function main(): number {
  const { sizes, runs } = readOptions(process.argv.slice(2))
  const gnuTime = hasGnuTime()
  const loadAtStart = loadavg()[0] ?? 0
  const rows: Row[] = []
  for (const size of sizes) {
    const { dir, generated } = ensureCorpus(size)
    const byWay = new Map<boolean, Row[]>([
      [false, []],
      [true, []],
    ])
    for (let run = 0; run < runs; run++) {
      for (const [related, done] of byWay) {
        const row = { ...compile(size, dir, gnuTime, related), generated }
        if (row.errors > 0 || row.articles !== size) {
          console.error(
            `bench: warning: ${size} files gave ${row.articles} articles, ${row.errors} errors`,
          )
        }
        console.error(
          `bench: ${row.wallSeconds.toFixed(1)} s wall, ${row.cpuSeconds?.toFixed(1) ?? 'n/a'} s CPU, load ${(loadavg()[0] ?? 0).toFixed(1)}`,
        )
        done.push(row)
      }
    }
    for (const done of byWay.values()) rows.push(medianRow(done))
  }

  const corpusBytes = (size: number) =>
    readdirSync(join(BENCH_DIR, `corpus-${size}-seed${SEED}`))
      .filter((name) => name.endsWith('.txt'))
      .reduce(
        (sum, name) => sum + statSync(join(BENCH_DIR, `corpus-${size}-seed${SEED}`, name)).size,
        0,
      )
  const verdicts = targets(rows)
  const output = [
    '## Corpus compile benchmark',
    '',
    `Machine: ${machineLine()}`,
    `Load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end; wall times grow with it, CPU times much less.`,
    `Each figure is the median of ${runs} run${runs === 1 ? '' : 's'} each way, alternating.`,
    `Peak RSS from ${gnuTime ? 'GNU time -v (max resident set size of the child)' : "the child's process.resourceUsage().maxRSS"}; wall time is the whole child process (Node start, tsx, read, parse, emit). MB = 2^20 bytes.`,
    '',
    table(rows),
    '',
    'Details:',
    ...rows.map((r) => {
      const gen =
        r.generated === 'cached'
          ? 'cached corpus'
          : `generated in ${r.generated.seconds.toFixed(1)} s`
      return `- ${r.size.toLocaleString('en-US')} ${r.related ? 'with' : 'without'} related: input ${(corpusBytes(r.size) / MB).toFixed(1)} MB (${gen}); compileCorpus ${r.seconds.toFixed(2)} s in-process; ${r.errors} errors, ${r.warnings} warnings; child-reported maxRSS ${(r.maxRssKb / 1024).toFixed(0)} MB`
    }),
    '',
    'Targets:',
    ...verdicts.lines,
  ]
  console.log(output.join('\n'))
  return verdicts.missed ? 1 : 0
}

try {
  process.exitCode = main()
} catch (cause) {
  console.error(`bench: ${cause instanceof Error ? cause.message : String(cause)}`)
  process.exitCode = 1
}
