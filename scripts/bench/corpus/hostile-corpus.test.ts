// @vitest-environment node
/**
 * The corpus compiler against hostile files (issue 6): the real compile (compileCorpus, as the
 * build runs it) in a fresh process, on a corpus written at test time. Time and memory are not
 * asserted here; `npm run bench:hostile` prints them. What keeps them bounded is in the code: the
 * size is checked before a file is read, lines are counted before they are split, front-matter
 * nesting is checked while the YAML is tokenised, and aliases have an expansion bound.
 */
import { spawnSync } from 'node:child_process'
import {
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { dataPaths } from '../../../src/lib/corpus/compiled.ts'
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_LINES,
  MAX_FRONT_MATTER_DEPTH,
} from '../../../src/lib/corpus/parse-article.ts'
import type { Diagnostic } from '../../../src/lib/corpus/types.ts'
import {
  MILLION,
  writeHostileCorpus,
  type HostileCorpus,
  type HostileKind,
} from './hostile-corpus.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const CHILD = join(ROOT, 'scripts', 'bench', 'corpus', 'compile-child.ts')
/** Only a guard against a hang (a FIFO opened for reading blocks): the figures are the bench's. */
const HANG_GUARD_MS = 120_000

type Identity = { uid: number; gid: number }

/**
 * Who runs the compile. Root reads a file whatever its mode, so as root the compile runs as the
 * user nobody, for whom mode 000 does mean unreadable. `unavailable` says why the unreadable-file
 * case cannot run, when it cannot.
 */
function readerIdentity(): { identity: Identity | null; unavailable: string | null } {
  if (process.getuid?.() !== 0) return { identity: null, unavailable: null }
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('nobody:'))
  const [, , uid, gid] = line?.split(':') ?? []
  if (uid === undefined || gid === undefined) {
    return { identity: null, unavailable: 'running as root and there is no user "nobody"' }
  }
  const identity = { uid: Number(uid), gid: Number(gid) }
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `require('node:fs').accessSync(${JSON.stringify(CHILD)}, require('node:fs').constants.R_OK)`,
    ],
    { ...identity, stdio: 'pipe' },
  )
  if (probe.status !== 0) {
    return {
      identity: null,
      unavailable: `running as root and the user nobody cannot read ${ROOT}`,
    }
  }
  return { identity, unavailable: null }
}

type Compiled = { ids: string[]; diagnostics: Diagnostic[]; outDir: string }

function isDiagnostic(value: unknown): value is Diagnostic {
  if (typeof value !== 'object' || value === null) return false
  return (
    ['error', 'warning'].includes(String(Reflect.get(value, 'severity'))) &&
    typeof Reflect.get(value, 'file') === 'string' &&
    typeof Reflect.get(value, 'line') === 'number' &&
    typeof Reflect.get(value, 'message') === 'string'
  )
}

/** The compile, in a child process as `identity` (or as this process's user). */
function compileAs(corpusDir: string, outDir: string, identity: Identity | null): Compiled {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', CHILD, corpusDir, outDir, '--diagnostics'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: HANG_GUARD_MS,
      maxBuffer: 16 * 1024 * 1024,
      ...(identity ?? {}),
    },
  )
  if (run.status !== 0) {
    throw new Error(`the compile failed (${run.signal ?? `exit ${run.status}`}):\n${run.stderr}`)
  }
  const parsed: unknown = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '')
  const ids: unknown = typeof parsed === 'object' && parsed !== null && Reflect.get(parsed, 'ids')
  const diagnostics: unknown =
    typeof parsed === 'object' && parsed !== null && Reflect.get(parsed, 'diagnostics')
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw new Error(`no article ids in the compile's output: ${run.stdout}`)
  }
  if (!Array.isArray(diagnostics) || !diagnostics.every(isDiagnostic)) {
    throw new Error(`no diagnostics in the compile's output: ${run.stdout}`)
  }
  return { ids, diagnostics, outDir }
}

const reader = readerIdentity()
if (reader.unavailable !== null) {
  console.warn(`hostile-corpus: the unreadable-file case is skipped: ${reader.unavailable}`)
}
let temp = ''
let corpus: HostileCorpus
let compiled: Compiled

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'hostile-corpus-'))
  corpus = writeHostileCorpus(temp, { unreadable: reader.unavailable === null })
  const outDir = join(temp, 'out')
  mkdirSync(outDir)
  if (reader.identity) chownSync(outDir, reader.identity.uid, reader.identity.gid)
  compiled = compileAs(corpus.dir, outDir, reader.identity)
}, HANG_GUARD_MS)

afterAll(() => {
  if (temp !== '') rmSync(temp, { recursive: true, force: true })
})

function errorsOf(file: string | undefined): Diagnostic[] {
  if (file === undefined) throw new Error('the case was not written')
  return compiled.diagnostics.filter((d) => d.file === file && d.severity === 'error')
}

/** The compiled data file of an article: `<outDir>/<version>/articles/…`. */
function articleFile(id: string): string {
  const versions = readdirSync(compiled.outDir)
  if (versions.length !== 1 || versions[0] === undefined) {
    throw new Error(`expected one data version in ${compiled.outDir}, found ${versions.join(', ')}`)
  }
  return join(compiled.outDir, versions[0], dataPaths.article(id))
}

it('compiles every valid file beside the hostile ones, and only those', () => {
  expect([...compiled.ids].sort()).toEqual(corpus.valid.map((v) => v.id).sort())
  for (const { id } of corpus.valid) expect(existsSync(articleFile(id))).toBe(true)
  const errorFiles = new Set(
    compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file),
  )
  expect([...errorFiles].sort()).toEqual(Object.values(corpus.hostile).sort())
})

const expected: [HostileKind, (file: string) => { line: number; message: string | RegExp }][] = [
  [
    'oversize',
    (file) => ({
      line: 1,
      message: `file is ${statSync(join(corpus.dir, file)).size} bytes, over the limit of ${DEFAULT_MAX_BYTES} bytes`,
    }),
  ],
  [
    'million-lines',
    () => ({
      line: DEFAULT_MAX_LINES + 1,
      message: `file has ${MILLION} lines, over the limit of ${DEFAULT_MAX_LINES} lines`,
    }),
  ],
  [
    'deep-lists',
    () => ({
      line: 3,
      message: `front matter nests lists or mappings more than ${MAX_FRONT_MATTER_DEPTH} levels deep`,
    }),
  ],
  [
    'deep-mappings',
    () => ({
      line: 3,
      message: `front matter nests lists or mappings more than ${MAX_FRONT_MATTER_DEPTH} levels deep`,
    }),
  ],
  [
    'billion-laughs',
    () => ({ line: 2, message: /^front matter is not valid YAML: Excessive alias count/ }),
  ],
  [
    'symlink-outside',
    () => ({
      line: 1,
      message: 'symbolic link, not followed: corpus files must be regular files',
    }),
  ],
  ['fifo', () => ({ line: 1, message: 'not a regular file' })],
]

it.each(expected)(
  'rejects the %s file with one error naming it, its line and why',
  (kind, want) => {
    const file = corpus.hostile[kind]
    if (file === undefined)
      throw new Error(`the ${kind} case could not be written: ${corpus.missing[kind]}`)
    const { line, message } = want(file)
    const errors = errorsOf(file)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      file,
      line,
      message: typeof message === 'string' ? message : expect.stringMatching(message),
    })
  },
)

it.skipIf(reader.unavailable !== null)(
  'rejects a file unreadable by permissions (as the user nobody when the tests run as root)',
  () => {
    const errors = errorsOf(corpus.hostile.unreadable)
    expect(errors).toEqual([
      {
        severity: 'error',
        file: corpus.hostile.unreadable,
        line: 1,
        message: 'cannot read the file: permission denied',
      },
    ])
  },
)
