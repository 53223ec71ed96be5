// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { readCorpus } from '../../../scripts/site/corpus/read-corpus.ts'
import { parseArticle } from './parse-article.ts'
import type { ParseResult } from './types.ts'
import { seededRandom } from '@/lib/seeded-random'

const SEED = 0x5eed_2024
const CASES = 1500
const CORPUS_FILES = 200

// Random YAML makes the yaml library print process warnings (collection keys and the like).
beforeAll(() => {
  vi.spyOn(process, 'emitWarning').mockImplementation(() => {})
})
afterAll(() => {
  vi.restoreAllMocks()
})

const random = seededRandom

type Random = ReturnType<typeof random>

const WORDS = (
  'the council approved budget on Monday Azərbaycan café naïve Zürich 東京 Mr. U.S. Dr. J. said ' +
  'reports 42 2020 — “quoted” 🎉 e.g. “Hello,” (note) ... Trend minister of and foreign policy'
).split(' ')
const SOURCES = ['News.Az', 'Daily Post', 'AP', 'Trend', 'Агентство']
const YAML_TOKENS = [
  ...'title date tags source x : - [ ] { } , *a | > " \' # ... @ ` null ~ é \\ \\u'.split(' '),
  ...'2020-01-01 https://x.y 0x1F .inf 1e400 !!binary !!js/function'.split(' '),
  ...[': ', '- ', '&a ', '!!str ', '? ', '\n', '\n  ', '\t', ' ', '<<: *a', '%YAML 1.2'],
]

function sentence(rng: Random): string {
  const words = Array.from({ length: 3 + rng.int(14) }, () => rng.pick(WORDS))
  return `${rng.pick(['The', 'Officials', 'Baku', 'Prices'])} ${words.join(' ')}${rng.pick(['.', '.', '!', '?', ', Trend reports.'])}`
}

function paragraph(rng: Random): string {
  const text = Array.from({ length: 1 + rng.int(4) }, () => sentence(rng)).join(' ')
  // Sometimes wrap the paragraph over several lines.
  return rng.chance(0.3) ? text.replace(/ /g, () => (rng.chance(0.1) ? '\n' : ' ')) : text
}

function frontMatter(rng: Random): string[] {
  const values: Record<string, () => string> = {
    title: () => JSON.stringify(sentence(rng)),
    date: () => rng.pick(['2020-01-31', '2019-02-28T10:00:00Z', '2024-12-01 08:30', '2016-02-29']),
    source: () => JSON.stringify(rng.pick(SOURCES)),
    url: () => `https://example.com/news/${rng.int(1000)}`,
    author: () => JSON.stringify('Ann Lee'),
    tags: () => rng.pick(['[economy, politics]', '[]', '\n  - one\n  - two']),
    language: () => rng.pick(['en', 'az', 'en-GB']),
    license: () => 'CC-BY-4.0',
  }
  return Object.entries(values)
    .filter(() => rng.chance(0.5))
    .map(([key, value]) => `${key}: ${value()}`)
}

/** A file that must parse: optional front matter, paragraphs, optional source line. */
function validText(rng: Random, withFrontMatter = rng.chance(0.5)): string {
  const lines = withFrontMatter ? ['---', ...frontMatter(rng), '---'] : []
  const paragraphs = Array.from({ length: 1 + rng.int(6) }, () => paragraph(rng))
  if (rng.chance(0.6)) paragraphs.push(rng.pick(SOURCES))
  return [...lines, paragraphs.join('\n\n'), ''].join('\n')
}

function randomYaml(rng: Random): string {
  return Array.from({ length: rng.int(40) }, () => rng.pick(YAML_TOKENS)).join('')
}

function hugeLine(rng: Random): string {
  const length = 100_000
  switch (rng.int(4)) {
    case 0:
      return 'x'.repeat(length)
    case 1:
      return 'Mr. '.repeat(length / 4)
    case 2:
      return '.'.repeat(length)
    default: {
      const words: string[] = []
      let size = 0
      while (size < length) {
        const word = rng.pick(WORDS)
        words.push(word)
        size += word.length + 1
      }
      return words.join(' ')
    }
  }
}

const encode = (text: string) => new TextEncoder().encode(text)

function randomBytes(rng: Random): Uint8Array {
  const bytes = new Uint8Array(rng.int(3000))
  const ascii = rng.chance(0.5)
  for (let i = 0; i < bytes.length; i++) bytes[i] = ascii ? 9 + rng.int(118) : rng.int(256)
  return bytes
}

function mutate(rng: Random, bytes: Uint8Array, count: number, change: (byte: number) => number) {
  const out = Uint8Array.from(bytes)
  for (let k = 0; k < count && out.length > 0; k++) {
    const i = rng.int(out.length)
    out[i] = change(out[i] ?? 0)
  }
  return out
}

function insertAt(bytes: Uint8Array, offset: number, inserted: Uint8Array): Uint8Array {
  return new Uint8Array([...bytes.subarray(0, offset), ...inserted, ...bytes.subarray(offset)])
}

const KINDS = [
  'valid',
  'crlf-bom',
  'random-bytes',
  'front-matter-unclosed',
  'flipped-bytes',
  'nul-bytes',
  'huge-line',
  'random-yaml',
  'truncated',
  'bad-name',
] as const
type Kind = (typeof KINDS)[number]

function fileName(rng: Random, sequence: number): string {
  const id = Array.from({ length: 16 }, () => '0123456789abcdef'[rng.int(16)]).join('')
  return `${String(sequence).padStart(4, '0')}_${id}.txt`
}

function makeInput(rng: Random, kind: Kind, sequence: number): { name: string; bytes: Uint8Array } {
  const name = fileName(rng, sequence)
  switch (kind) {
    case 'valid':
      return { name, bytes: encode(validText(rng)) }
    case 'crlf-bom':
      return { name, bytes: encode(`\uFEFF${validText(rng).replace(/\n/g, '\r\n')}`) }
    case 'random-bytes':
      return { name, bytes: randomBytes(rng) }
    case 'front-matter-unclosed': {
      const lines = validText(rng, true).split('\n')
      const close = lines.indexOf('---', 1)
      return { name, bytes: encode(lines.filter((_, i) => i !== close).join('\n')) }
    }
    case 'flipped-bytes':
      return {
        name,
        bytes: mutate(rng, encode(validText(rng)), 1 + rng.int(5), (b) => b ^ (1 + rng.int(255))),
      }
    case 'nul-bytes': {
      const bytes = encode(validText(rng))
      return {
        name,
        bytes: insertAt(bytes, rng.int(bytes.length + 1), new Uint8Array(1 + rng.int(3))),
      }
    }
    case 'huge-line': {
      const lines = validText(rng).split('\n')
      lines.splice(rng.int(lines.length + 1), 0, hugeLine(rng))
      return { name, bytes: encode(lines.join('\n')) }
    }
    case 'random-yaml':
      return { name, bytes: encode(`---\n${randomYaml(rng)}\n---\n${validText(rng, false)}`) }
    case 'truncated': {
      const bytes = encode(validText(rng))
      return { name, bytes: bytes.subarray(0, rng.int(bytes.length + 1)) }
    }
    case 'bad-name':
      return {
        name: rng.pick(['notes.txt', `${sequence}_XYZ.txt`, `${sequence}_0123456789abcdef.md`, '']),
        bytes: encode(validText(rng)),
      }
  }
}

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
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(article.slug) || article.slug.length > 80) {
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

function safeParse(name: string, bytes: Uint8Array): ParseResult | Error {
  try {
    return parseArticle(name, bytes)
  } catch (cause) {
    return cause instanceof Error ? cause : new Error(String(cause))
  }
}

it(`parses ${CASES} random and mutated inputs without throwing, each to an article or an error`, () => {
  const rng = random(SEED)
  const problems: string[] = []
  let articles = 0
  let rejected = 0

  for (let i = 0; i < CASES; i++) {
    const kind = KINDS[i % KINDS.length] ?? 'valid'
    const { name, bytes } = makeInput(rng, kind, i)
    const result = safeParse(name, bytes)
    if (result instanceof Error) {
      problems.push(`case ${i} (${kind}) threw ${result.stack ?? result.message}`)
      continue
    }
    for (const problem of violations(name, bytes, result)) {
      problems.push(`case ${i} (${kind}) ${name}: ${problem}`)
    }
    if (result.article) articles++
    else rejected++
    if ((kind === 'valid' || kind === 'crlf-bom') && !result.article) {
      problems.push(
        `case ${i} (${kind}) valid file rejected: ${JSON.stringify(result.diagnostics)}`,
      )
    }
  }

  expect(problems).toEqual([])
  // Both outcomes happen often: the generators are not all trivially valid or all broken.
  expect(articles).toBeGreaterThan(CASES / 5)
  expect(rejected).toBeGreaterThan(CASES / 5)
})

it('reads CRLF and BOM files exactly as their LF equivalents', () => {
  const rng = random(SEED + 1)
  for (let i = 0; i < 100; i++) {
    const text = validText(rng)
    const name = fileName(rng, i)
    const plain = parseArticle(name, encode(text))
    const windows = parseArticle(name, encode(`\uFEFF${text.replace(/\n/g, '\r\n')}`))
    expect(windows).toEqual(plain)
  }
})

it(`reads a folder of ${CORPUS_FILES} fuzzed files: every file is an article or has an error`, () => {
  const rng = random(SEED + 2)
  const dir = mkdtempSync(join(tmpdir(), 'corpus-fuzz-'))
  try {
    const ids: string[] = []
    for (let i = 0; i < CORPUS_FILES; i++) {
      // Every 20th file reuses an earlier file's id.
      const earlier = i % 20 === 19 ? ids[rng.int(ids.length)] : undefined
      const kind = earlier ? 'valid' : rng.pick(KINDS)
      const input = makeInput(rng, kind === 'bad-name' ? 'valid' : kind, i)
      const name = earlier
        ? `${String(i).padStart(4, '0')}_${earlier}.txt`
        : kind === 'bad-name'
          ? `bad-name-${i}.txt`
          : input.name
      const id = /^\d+_([0-9a-f]{16})\.txt$/.exec(name)?.[1]
      if (id) ids.push(id)
      writeFileSync(join(dir, name), input.bytes)
    }
    writeFileSync(join(dir, 'README.md'), '# Not an article\n')

    const { articles, diagnostics, fileCount } = readCorpus(dir)

    const errorFiles = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))
    expect(fileCount).toBe(CORPUS_FILES)
    expect(articles.length + errorFiles.size).toBe(CORPUS_FILES)
    expect(articles.filter((a) => errorFiles.has(a.file))).toEqual([])
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length)
    expect(diagnostics.some((d) => d.message.startsWith('duplicate id'))).toBe(true)
    expect(articles.length).toBeGreaterThan(CORPUS_FILES / 5)
    expect(errorFiles.size).toBeGreaterThan(CORPUS_FILES / 5)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
