// @vitest-environment node
/**
 * Property tests of the article parser and the corpus reader, with fast-check: arbitraries make
 * article files (front matter variants, unicode, control characters, CRLF, long lines, hostile
 * YAML, broken bytes...) and each property must hold for all of them. A failure is shrunk to a
 * small file, and fast-check prints the seed and path that replay it:
 *
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run src/lib/corpus/parse-article.fuzz.test.ts -t '<test>'
 *
 * FC_SEED alone runs the properties on other inputs; FC_RUNS multiplies the number of runs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { readCorpus } from '../../../scripts/site/corpus/read-corpus.ts'
import { parseArticle } from './parse-article.ts'
import type { ParseResult } from './types.ts'

const SEED = Number(process.env.FC_SEED ?? 0x5eed_2024)
const PATH = process.env.FC_PATH
const RUNS = Number(process.env.FC_RUNS ?? 1)
/** Inputs of the main property; files of the sampled folder. */
const CASES = 1000
const CORPUS_FILES = 200
// Room for a busy machine, and for more runs.
vi.setConfig({ testTimeout: 30_000 * Math.max(1, RUNS) })

/** Runs a property with the seed (and path, to replay a shrunk failure) of the environment. */
function check<Ts>(property: fc.IProperty<Ts>, numRuns: number): void {
  fc.assert(property, {
    seed: SEED,
    numRuns: Math.max(1, Math.round(numRuns * RUNS)),
    ...(PATH === undefined ? {} : { path: PATH }),
  })
}

// Random YAML makes the yaml library print process warnings (collection keys and the like).
beforeAll(() => {
  vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
})
afterAll(() => {
  vi.restoreAllMocks()
})

// ---- Text that makes a valid article ----

const WORDS = (
  'the council approved budget on Monday Azərbaycan café naïve Zürich 東京 Mr. U.S. Dr. J. said ' +
  'reports 42 2020 — “quoted” 🎉 e.g. “Hello,” (note) ... Trend minister of and foreign policy'
).split(' ')
const SOURCES = ['News.Az', 'Daily Post', 'AP', 'Trend', 'Агентство']

/** Letters of many scripts, astral emoji and combining marks. */
const letter = fc
  .oneof(
    fc.integer({ min: 0x61, max: 0x7a }),
    fc.integer({ min: 0xc0, max: 0x24f }),
    fc.integer({ min: 0x300, max: 0x36f }),
    fc.integer({ min: 0x400, max: 0x4ff }),
    fc.integer({ min: 0x5d0, max: 0x5ea }),
    fc.integer({ min: 0x4e00, max: 0x9fff }),
    fc.integer({ min: 0x1f300, max: 0x1faff }),
  )
  .map((code) => String.fromCodePoint(code))
const word = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ unit: letter, minLength: 1, maxLength: 10 }),
)

const sentence = fc
  .tuple(
    fc.constantFrom('The', 'Officials', 'Baku', 'Prices'),
    fc.array(word, { minLength: 3, maxLength: 16 }),
    fc.constantFrom('.', '.', '!', '?', ', Trend reports.'),
  )
  .map(([first, words, end]) => `${first} ${words.join(' ')}${end}`)

/** Sentences; wrapped over several lines where `breaks` (cycled over the spaces) says so. */
const paragraph = fc
  .tuple(
    fc.array(sentence, { minLength: 1, maxLength: 4 }),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
  )
  .map(([sentences, breaks]) => {
    let at = 0
    return sentences.join(' ').replace(/ /g, () => (breaks[at++ % breaks.length] ? '\n' : ' '))
  })

/** A YAML scalar holding `text`, in one of the styles writers use. */
const quoted = (text: string) =>
  fc.constantFrom(
    JSON.stringify(text),
    `'${text.replace(/'/g, "''")}'`,
    `>-\n  ${text}`,
    `|-\n  ${text}`,
  )

const frontMatterField = fc.oneof(
  sentence.chain(quoted).map((v) => `title: ${v}`),
  fc
    .constantFrom('2020-01-31', '2019-02-28T10:00:00Z', '2024-12-01 08:30', '2016-02-29')
    .map((v) => `date: ${v}`),
  fc
    .constantFrom(...SOURCES)
    .chain(quoted)
    .map((v) => `source: ${v}`),
  fc.nat({ max: 999 }).map((n) => `url: https://example.com/news/${n}`),
  fc.constant('author: "Ann Lee"'),
  fc.constantFrom('[economy, politics]', '[]', '\n  - one\n  - two').map((v) => `tags: ${v}`),
  fc.constantFrom('en', 'az', 'en-GB').map((v) => `language: ${v}`),
  fc.constant('license: CC-BY-4.0'),
  fc.constant('# a comment'),
)

/** Front matter that must read: fields in any order, fences with trailing spaces, or `...`. */
const frontMatter = fc
  .tuple(
    fc.uniqueArray(frontMatterField, { maxLength: 9, selector: (f) => f.split(':')[0] }),
    fc.constantFrom('---', '--- '),
    fc.constantFrom('---', '...', '---  '),
  )
  .map(([fields, open, close]) => [open, ...fields, close])

/** Paragraphs and an optional source line. */
const body = fc
  .tuple(
    fc.array(paragraph, { minLength: 1, maxLength: 6 }),
    fc.option(fc.constantFrom(...SOURCES)),
  )
  .map(([paragraphs, source]) => [...paragraphs, ...(source === null ? [] : [source])].join('\n\n'))

/** A file that must parse: optional front matter, then the body. */
const validText = fc
  .tuple(fc.option(frontMatter), body)
  .map(([front, text]) => [...(front ?? []), text, ''].join('\n'))
const validWithFrontMatter = fc
  .tuple(frontMatter, paragraph)
  .map(([front, text]) => [...front, text, ''].join('\n'))

// ---- Hostile inputs ----

const YAML_TOKENS = [
  ...'title date tags source x : - [ ] { } , *a | > " \' # ... @ ` null ~ é \\ \\u'.split(' '),
  ...'2020-01-01 https://x.y 0x1F .inf 1e400 !!binary !!js/function'.split(' '),
  ...[': ', '- ', '&a ', '!!str ', '? ', '\n', '\n  ', '\t', ' ', '<<: *a', '%YAML 1.2'],
]

const hostileYaml = fc
  .array(
    fc.oneof(
      fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 40 }).map((t) => t.join('')),
      // Deep flow and block nesting, around the parser's depth limit.
      fc.integer({ min: 1, max: 200 }).map((n) => `title: ${'['.repeat(n)}x${']'.repeat(n)}`),
      fc
        .integer({ min: 1, max: 40 })
        .map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')),
      // Aliases that expand to billions of nodes.
      fc.integer({ min: 1, max: 9 }).map((n) =>
        Array.from({ length: n }, (_, i) => {
          const item = i === 0 ? 'x' : `*a${i - 1}`
          return `a${i}: &a${i} [${Array.from({ length: 10 }, () => item).join(', ')}]`
        }).join('\n'),
      ),
      fc.constantFrom('title', 'date', 'source').map((key) => `${key}: a\n${key}: b`),
      fc.constantFrom(
        'title: [a, b]',
        'title: {a: b}',
        'title: !!binary aGVsbG8=',
        'title: 12',
        'date: 2020-13-45',
        'date: 2020-02-30',
        'tags: {a: b}',
        'tags: [1, 2]',
        'url: javascript:alert(1)',
        'language: not a tag',
        'source: *nope',
        '- a list',
        'just a scalar',
      ),
      fc.tuple(word, word).map(([key, value]) => `${key}: ${value}`),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((lines) => lines.join('\n'))

/** C0 and C1 controls, DEL, NUL, line and paragraph separators, BOMs and non-characters. */
const controlChar = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.constantFrom(0x2028, 0x2029, 0x200b, 0xfeff, 0xfffe, 0xffff),
  )
  .map((code) => String.fromCharCode(code))

/** Line lengths up to the 100,000 characters of a runaway line; shrinks towards short. */
const lineLength = fc.oneof(
  { withCrossShrink: true },
  fc.integer({ min: 1, max: 100_000 }),
  fc.constant(100_000),
)
const longLine = fc
  .tuple(fc.oneof(fc.constantFrom('x', 'Mr. ', '.'), sentence), lineLength)
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length))

const hexId = fc.string({
  unit: fc.constantFrom(...'0123456789abcdef'),
  minLength: 16,
  maxLength: 16,
})
const fileName = fc
  .tuple(fc.nat({ max: 9999 }), hexId)
  .map(([sequence, id]) => `${String(sequence).padStart(4, '0')}_${id}.txt`)
const badName = fc.oneof(
  fc.constantFrom(
    'notes.txt',
    '12_XYZ.txt',
    '12_0123456789abcdef.md',
    '',
    '12_0123456789ABCDEF.txt',
  ),
  fc.string(),
)

const encode = (text: string) => new TextEncoder().encode(text)

/** `inserted` put into `text` at `offset` (taken modulo the length + 1). */
function insertText(text: string, offset: number, inserted: string): string {
  const at = offset % (text.length + 1)
  return text.slice(0, at) + inserted + text.slice(at)
}

function insertBytes(bytes: Uint8Array, offset: number, inserted: Uint8Array): Uint8Array {
  const at = offset % (bytes.length + 1)
  const out = new Uint8Array(bytes.length + inserted.length)
  out.set(bytes.subarray(0, at))
  out.set(inserted, at)
  out.set(bytes.subarray(at), at + inserted.length)
  return out
}

const toCrlfBom = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`

type Input = { kind: string; name: string; bytes: Uint8Array }
const input = (kind: string, name: fc.Arbitrary<string>, bytes: fc.Arbitrary<Uint8Array>) =>
  fc.record({ kind: fc.constant(kind), name, bytes })

/** Files that must parse to an article. */
const validInput = fc.oneof(
  input('valid', fileName, validText.map(encode)),
  input('crlf-bom', fileName, validText.map(toCrlfBom).map(encode)),
)

/** Every kind of file: valid ones, and broken in each way the corpus can be. */
const anyInput: fc.Arbitrary<Input> = fc.oneof(
  validInput,
  input('random-bytes', fileName, fc.uint8Array({ maxLength: 3000 })),
  input('random-ascii', fileName, fc.uint8Array({ min: 9, max: 126, maxLength: 3000 })),
  input(
    'front-matter-unclosed',
    fileName,
    validWithFrontMatter.map((text) => {
      const lines = text.split('\n')
      const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l))
      return encode(lines.filter((_, i) => i !== close).join('\n'))
    }),
  ),
  input(
    'flipped-bytes',
    fileName,
    fc
      .tuple(
        validText.map(encode),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 5,
        }),
      )
      .map(([bytes, flips]) => {
        const out = Uint8Array.from(bytes)
        for (const [at, mask] of flips) {
          if (out.length > 0) out[at % out.length] = (out[at % out.length] ?? 0) ^ mask
        }
        return out
      }),
  ),
  input(
    'nul-bytes',
    fileName,
    fc
      .tuple(validText.map(encode), fc.nat(), fc.integer({ min: 1, max: 3 }))
      .map(([bytes, at, n]) => insertBytes(bytes, at, new Uint8Array(n))),
  ),
  input(
    'control-chars',
    fileName,
    fc
      .tuple(validText, fc.array(fc.tuple(fc.nat(), controlChar), { minLength: 1, maxLength: 8 }))
      .map(([text, inserts]) => encode(inserts.reduce((t, [at, c]) => insertText(t, at, c), text))),
  ),
  input(
    'huge-line',
    fileName,
    fc.tuple(validText, fc.nat(), longLine).map(([text, at, line]) => {
      const lines = text.split('\n')
      lines.splice(at % (lines.length + 1), 0, line)
      return encode(lines.join('\n'))
    }),
  ),
  input(
    'hostile-yaml',
    fileName,
    fc.tuple(hostileYaml, body).map(([yaml, text]) => encode(`---\n${yaml}\n---\n${text}\n`)),
  ),
  input(
    'truncated',
    fileName,
    fc
      .tuple(validText.map(encode), fc.nat())
      .map(([bytes, at]) => bytes.subarray(0, at % (bytes.length + 1))),
  ),
  input('bad-name', badName, validText.map(encode)),
)

// ---- What must hold ----

function lineCount(bytes: Uint8Array): number {
  let lines = 1
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) lines++
  }
  return lines
}

/** What must hold of every result, whatever the input; returns the broken rules. */
function violations(name: string, bytes: Uint8Array, result: ParseResult): string[] {
  const problems: string[] = []
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  if ((result.article === null) === (errors.length === 0)) {
    problems.push(
      `article ${result.article ? 'with' : 'without'} errors: ${JSON.stringify(errors)}`,
    )
  }
  // A body that starts after the last line is reported on the line after it.
  const maxLine = lineCount(bytes) + 1
  for (const d of result.diagnostics) {
    if (d.file !== name) problems.push(`diagnostic names ${d.file}`)
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > maxLine) {
      problems.push(`line ${d.line} outside 1..${maxLine}: ${d.message}`)
    }
    if (d.message.trim() === '') problems.push('empty message')
  }
  const article = result.article
  if (article) {
    if (!/[\p{L}\p{N}]/u.test(article.title)) problems.push(`title without text: ${article.title}`)
    // Empty for a title with no Latin reading (the URL is then the id alone).
    if (!/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/.test(article.slug) || article.slug.length > 80) {
      problems.push(`bad slug ${article.slug}`)
    }
    if (article.paragraphs.length === 0) problems.push('no paragraphs')
    if (article.paragraphs.some((p) => p === '' || p !== p.trim() || /[\n\r\0]/.test(p))) {
      problems.push('paragraph not normalised')
    }
    if (article.readingMinutes < 1) problems.push('reading time under a minute')
  }
  return problems
}

it('parses any input without throwing, to an article or to errors, with sound diagnostics', () => {
  let parsed = 0
  let rejected = 0
  check(
    fc.property(anyInput, ({ name, bytes }) => {
      const result = parseArticle(name, bytes)
      expect(violations(name, bytes, result)).toEqual([])
      if (result.article) parsed++
      else rejected++
    }),
    CASES,
  )
  // Both outcomes happen often: the generators are not all trivially valid or all broken. (A
  // replayed path runs one case.)
  if (PATH === undefined) {
    expect(parsed).toBeGreaterThan((parsed + rejected) / 5)
    expect(rejected).toBeGreaterThan((parsed + rejected) / 5)
  }
})

it('reads every valid file, LF or CRLF with a BOM, to an article', () => {
  check(
    fc.property(validInput, ({ name, bytes }) => {
      const result = parseArticle(name, bytes)
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([])
      expect(result.article).not.toBeNull()
    }),
    CASES / 4,
  )
})

it('reads CRLF, CR-only and BOM files exactly as their LF equivalents', () => {
  const endings = fc.oneof(
    fc.constant((text: string) => toCrlfBom(text)),
    fc.constant((text: string) => text.replace(/\n/g, '\r')),
    // Any mix of LF and CRLF, with or without a BOM.
    fc
      .tuple(fc.array(fc.boolean(), { minLength: 1 }), fc.boolean())
      .map(([crlf, bom]) => (text: string) => {
        let at = 0
        const mixed = text.replace(/\n/g, () => (crlf[at++ % crlf.length] ? '\r\n' : '\n'))
        return bom ? `\uFEFF${mixed}` : mixed
      }),
  )
  check(
    fc.property(validText, fileName, endings, (text, name, convert) => {
      expect(parseArticle(name, encode(convert(text)))).toEqual(parseArticle(name, encode(text)))
    }),
    100,
  )
})

// ---- A folder of files ----

/** A file of the folder: any input, or a valid file with the id of an earlier file. */
type FolderEntry =
  { file: Input; text: null; duplicate: null } | { file: null; text: string; duplicate: number }
const folderEntry: fc.Arbitrary<FolderEntry> = fc.oneof(
  anyInput.map((file) => ({ file, text: null, duplicate: null })),
  fc.tuple(validText, fc.nat()).map(([text, duplicate]) => ({ file: null, text, duplicate })),
)

/** Writes the entries as files of a new folder (each name unique) and reads it back. */
function readFolder(entries: readonly FolderEntry[]) {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-fuzz-'))
  try {
    const ids: string[] = []
    const files = entries.map((entry, i) => {
      const sequence = String(i).padStart(4, '0')
      if (entry.file === null) {
        // A valid file reusing an earlier id, or a new one when there is none yet.
        const id =
          ids[entry.duplicate % Math.max(1, ids.length)] ?? (i + 1).toString(16).padStart(16, 'f')
        ids.push(id)
        return { name: `${sequence}_${id}.txt`, bytes: encode(entry.text) }
      }
      const id = /^\d+_([0-9a-f]{16})\.txt$/.exec(entry.file.name)?.[1]
      if (entry.file.kind === 'bad-name' || id === undefined) {
        return { name: `bad-name-${i}.txt`, bytes: entry.file.bytes }
      }
      ids.push(id)
      return { name: `${sequence}_${id}.txt`, bytes: entry.file.bytes }
    })
    for (const file of files) writeFileSync(join(dir, file.name), file.bytes)
    writeFileSync(join(dir, 'README.md'), '# Not an article\n')
    return { files, ...readCorpus(dir) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Checks a folder read; returns its articles and the files with errors. */
function checkFolder(entries: readonly FolderEntry[]) {
  const { files, articles, diagnostics, fileCount } = readFolder(entries)
  const errorFiles = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))
  expect(fileCount).toBe(files.length)
  expect(articles.length + errorFiles.size).toBe(files.length)
  expect(articles.filter((a) => errorFiles.has(a.file))).toEqual([])
  expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length)
  // Each file that parses alone but shares the id of an earlier article is a duplicate.
  const seen = new Set<string>()
  let duplicates = 0
  for (const { name, bytes } of files) {
    const article = parseArticle(name, bytes).article
    if (!article) continue
    if (seen.has(article.id)) duplicates++
    seen.add(article.id)
  }
  const reported = diagnostics.filter((d) => d.message.startsWith('duplicate id')).length
  expect(reported).toBe(duplicates)
  return { articles: articles.length, errorFiles: errorFiles.size, duplicates }
}

it('reads a folder of any files: each is one article or has an error, ids unique', () => {
  check(
    fc.property(fc.array(folderEntry, { minLength: 1, maxLength: 30 }), (entries) => {
      checkFolder(entries)
    }),
    15,
  )
})

it(`reads a sampled folder of ${CORPUS_FILES} files with articles, errors and duplicates`, () => {
  const [entries = []] = fc.sample(
    fc.array(folderEntry, { minLength: CORPUS_FILES, maxLength: CORPUS_FILES }),
    { seed: SEED, numRuns: 1 },
  )
  const { articles, errorFiles, duplicates } = checkFolder(entries)
  expect(duplicates).toBeGreaterThan(0)
  expect(articles).toBeGreaterThan(CORPUS_FILES / 5)
  expect(errorFiles).toBeGreaterThan(CORPUS_FILES / 5)
})
