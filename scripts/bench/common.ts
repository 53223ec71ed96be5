/**
 * What every benchmark script shares: one median and percentile, one markdown table printer, a
 * progress logger on stderr, the record guard, and option reading with `node:util` `parseArgs`
 * (typed, with `--help` printing the script's usage).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** The middle value of `values`, or the mean of the two middle ones on an even count; NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const upper = sorted[mid] ?? Number.NaN
  if (sorted.length % 2 === 1) return upper
  return ((sorted[mid - 1] ?? Number.NaN) + upper) / 2
}

/** The nearest-rank percentile (p in 0..100) of `values`: always one of them; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN
}

export type Align = 'left' | 'right'

/** A markdown table; columns whose alignment is 'right' get `---:`. */
export function markdownTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  align: readonly Align[] = [],
): string {
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : '---'))
  return [headers, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')
}

/** Progress for the person running a benchmark: stderr, so stdout stays the report. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

/** A `log` whose lines start with `prefix: ` (the script's name). */
export function logger(prefix: string): (message: string) => void {
  return (message) => log(`${prefix}: ${message}`)
}

/** Seconds since `since`, a `performance.now()` reading. */
export function secondsSince(since: number): number {
  return (performance.now() - since) / 1000
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>

export type OptionSpec<O extends OptionsConfig> = {
  /** What `--help` prints: the command line and what each option does. */
  usage: string
  options: O
  /** Whether arguments that are not options are allowed (default no). */
  allowPositionals?: boolean
  /** The arguments to read; by default the command line after the script. */
  args?: readonly string[]
}

type Config<O extends OptionsConfig> = {
  args: string[]
  options: O
  allowPositionals: boolean
  strict: true
}
type Parsed<O extends OptionsConfig> = ReturnType<typeof parseArgs<Config<O>>>

/** Thrown for options parseArgs rejects; the message ends with the usage. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/**
 * The options on the command line, typed by `spec.options` (strict: an unknown option or a
 * missing value is a UsageError). `--help` or `-h` prints `spec.usage` and exits 0.
 */
export function readOptions<const O extends OptionsConfig>(
  spec: OptionSpec<O>,
): { values: Parsed<O>['values']; positionals: string[] } {
  const args = [...(spec.args ?? process.argv.slice(2))]
  if (wantsHelp(args, spec.options)) {
    process.stdout.write(`${spec.usage.trim()}\n`)
    process.exit(0)
  }
  try {
    const config: Config<O> = {
      args,
      options: spec.options,
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    }
    const { values, positionals }: Parsed<O> = parseArgs(config)
    return { values, positionals }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new UsageError(`${message}\n\n${spec.usage.trim()}`)
  }
}

/** `--help` or `-h` given as an option, not as the value of a string option before it. */
function wantsHelp(args: readonly string[], options: OptionsConfig): boolean {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') return false
    if (arg === '--help' || arg === '-h') return true
    const name = arg?.startsWith('--') ? arg.slice(2) : undefined
    if (name !== undefined && !name.includes('=') && options[name]?.type === 'string') i += 1
  }
  return false
}
