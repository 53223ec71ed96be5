import { CST, Lexer, LineCounter, Parser, isMap, isScalar, parseDocument } from 'yaml'
import type { Article, Diagnostic, ParseResult } from './types.ts'
import { deriveExcerpt, deriveTitle, slugify } from './derive.ts'
import { measureText } from './reading-time.ts'

export const FILE_NAME_PATTERN = /^(\d+)_([0-9a-f]{16})\.txt$/
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024
/**
 * Prose at the size limit runs to about 25,000 lines even when hard-wrapped; a file with more is
 * not an article (a million one-character lines), and each line costs the parser memory.
 */
export const DEFAULT_MAX_LINES = 100_000
/**
 * The fields need two levels (the mapping, the tags list). The bound keeps the YAML composer's
 * recursion far from the stack limit, whatever the caller's stack, and names the problem.
 */
export const MAX_FRONT_MATTER_DEPTH = 20
/** A last paragraph this short, on one line and not ending a sentence, names the source. */
const SOURCE_LINE_MAX = 40
const FRONT_MATTER_KEYS = new Set('title date source url author tags language license'.split(' '))

export type ParseOptions = {
  maxBytes?: number
  maxLines?: number
}

type Paragraph = { text: string; line: number; lines: number }

/** Reads one corpus file. Never throws: every problem becomes a diagnostic naming file and line. */
export function parseArticle(
  file: string,
  bytes: Uint8Array,
  options: ParseOptions = {},
): ParseResult {
  const diagnostics: Diagnostic[] = []
  const error = (line: number, message: string) =>
    diagnostics.push({ severity: 'error', file, line, message })
  const warn = (line: number, message: string) =>
    diagnostics.push({ severity: 'warning', file, line, message })
  const fail = (line: number, message: string): ParseResult => {
    error(line, message)
    return { article: null, diagnostics }
  }

  const name = FILE_NAME_PATTERN.exec(file)
  if (!name) {
    return fail(
      1,
      'file name does not match <sequence>_<id>.txt (digits, underscore, 16 lowercase hex characters)',
    )
  }
  const sequence = Number(name[1])
  const id = name[2] ?? ''

  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.length > maxBytes) {
    return fail(1, `file is ${bytes.length} bytes, over the limit of ${maxBytes} bytes`)
  }
  const maxLines = options.maxLines ?? DEFAULT_MAX_LINES
  const lineCount = countLines(bytes)
  if (lineCount > maxLines) {
    return fail(maxLines + 1, `file has ${lineCount} lines, over the limit of ${maxLines} lines`)
  }
  const nul = bytes.indexOf(0)
  if (nul !== -1) {
    return fail(lineAtByte(bytes, nul), 'binary file: contains a NUL byte')
  }
  const invalid = firstInvalidUtf8(bytes)
  if (invalid !== -1) {
    return fail(lineAtByte(bytes, invalid), `not UTF-8: invalid byte 0x${hex(bytes[invalid])}`)
  }

  const text = new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
  if (text.trim() === '') return fail(1, 'file is empty')

  const lines = text.split('\n')
  let bodyStart = 0
  let meta: Record<string, unknown> = {}
  let keyLines = new Map<string, number>()
  if (lines[0]?.trimEnd() === '---') {
    const close = lines.findIndex(
      (l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'),
    )
    if (close === -1) return fail(1, 'front matter opened with --- is never closed')
    const frontMatter = readFrontMatter(lines.slice(1, close).join('\n'), 2)
    if (frontMatter.error) return fail(frontMatter.error.line, frontMatter.error.message)
    meta = frontMatter.values
    keyLines = frontMatter.keyLines
    bodyStart = close + 1
  }

  const lineOf = (key: string) => keyLines.get(key) ?? 1
  for (const key of keyLines.keys()) {
    if (!FRONT_MATTER_KEYS.has(key)) warn(lineOf(key), `unknown front matter key "${key}" ignored`)
  }
  const fields = readFields(meta, (key, message) => error(lineOf(key), message))

  const paragraphs = splitParagraphs(lines, bodyStart)
  let source = fields.source
  const last = paragraphs.at(-1)
  if (last && paragraphs.length > 1 && isSourceLine(last)) {
    if (source === null) {
      source = last.text
      paragraphs.pop()
    } else if (source.toLowerCase() === last.text.toLowerCase()) {
      paragraphs.pop()
    }
  }

  const first = paragraphs.find((p) => /[\p{L}\p{N}]/u.test(p.text))
  if (!first || !/[\p{L}\p{N}]/u.test(paragraphs.map((p) => p.text).join(' '))) {
    error(bodyStart + 1, 'body has no text to derive a title from')
  }
  if (diagnostics.some((d) => d.severity === 'error') || !first) {
    return { article: null, diagnostics }
  }
  if (source === null)
    warn(
      lines.length - (lines.at(-1) === '' ? 1 : 0),
      'no source: no front matter "source" and no source line',
    )

  const title = fields.title ?? deriveTitle(first.text)
  const body = paragraphs.map((p) => p.text)
  const { words, minutes } = measureText(body)
  const article: Article = {
    id,
    sequence,
    file,
    title,
    slug: slugify(title),
    source,
    date: fields.date,
    url: fields.url,
    author: fields.author,
    tags: fields.tags,
    language: fields.language,
    license: fields.license,
    paragraphs: body,
    excerpt: deriveExcerpt(first.text),
    wordCount: words,
    readingMinutes: minutes,
  }
  return { article, diagnostics }
}

type FrontMatter =
  | {
      error: { line: number; message: string }
      values: Record<string, unknown>
      keyLines: Map<string, number>
    }
  | { error: null; values: Record<string, unknown>; keyLines: Map<string, number> }

/** Parses the YAML between the fences; firstLine is the file line the YAML starts on. */
function readFrontMatter(yaml: string, firstLine: number): FrontMatter {
  const keyLines = new Map<string, number>()
  const fileLine = (line: number) => firstLine + line - 1
  const tooDeep =
    indicatorCount(yaml) > MAX_FRONT_MATTER_DEPTH
      ? firstTooDeep(yaml, MAX_FRONT_MATTER_DEPTH)
      : null
  if (tooDeep !== null) {
    const line = fileLine(yaml.slice(0, tooDeep).split('\n').length)
    const message = `front matter nests lists or mappings more than ${MAX_FRONT_MATTER_DEPTH} levels deep`
    return { error: { line, message }, values: {}, keyLines }
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: true, prettyErrors: true })
  const yamlError = doc.errors[0]
  if (yamlError) {
    const line = fileLine(yamlError.linePos?.[0].line ?? 1)
    const reason = (yamlError.message.split('\n')[0] ?? yamlError.code).replace(
      / at line \d+, column \d+:$/,
      '',
    )
    return {
      error: { line, message: `front matter is not valid YAML: ${reason}` },
      values: {},
      keyLines,
    }
  }
  if (doc.contents === null) return { error: null, values: {}, keyLines }
  if (!isMap(doc.contents)) {
    return {
      error: { line: firstLine, message: 'front matter must be a mapping of key: value lines' },
      values: {},
      keyLines,
    }
  }
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && pair.key.range) {
      keyLines.set(String(pair.key.value), fileLine(lineCounter.linePos(pair.key.range[0]).line))
    }
  }
  try {
    // maxAliasCount bounds the expansion of aliases (the "billion laughs" file).
    const values: unknown = doc.toJS({ maxAliasCount: 50 })
    return { error: null, values: isRecord(values) ? values : {}, keyLines }
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    return {
      error: { line: firstLine, message: `front matter is not valid YAML: ${reason}` },
      values: {},
      keyLines,
    }
  }
}

/**
 * An upper bound on the lists and mappings the YAML can open: the YAML lexer starts one only at
 * a ":", "[", "{", or a "-" or "?" followed by a space, a line end or a flow indicator. Most front
 * matter has fewer than the depth limit, and then needs no depth check.
 */
function indicatorCount(yaml: string): number {
  let count = 0
  for (let i = 0; i < yaml.length; i++) {
    const ch = yaml[i]
    if (ch === ':' || ch === '[' || ch === '{') count++
    else if ((ch === '-' || ch === '?') && /^[\s,[\]{}]?$/.test(yaml[i + 1] ?? '')) count++
  }
  return count
}

/**
 * Offset of the first list or mapping nested deeper than maxDepth, or null. The CST parser keeps
 * its open collections on its own stack (it does not recurse), so it is fed one lexical token at
 * a time and stopped as soon as that stack is too deep: a file of 500,000 "[" costs no more than
 * one of 21.
 */
function firstTooDeep(yaml: string, maxDepth: number): number | null {
  const parser = new Parser()
  // The stack also holds the document and scalars: only a stack this long can be too deep.
  const tooDeep = () =>
    parser.stack.length > maxDepth &&
    parser.stack.filter((token) => CST.isCollection(token)).length > maxDepth
  for (const lexeme of new Lexer().lex(yaml)) {
    const finished = parser.next(lexeme)
    while (!finished.next().done) {
      // The tokens this lexeme completes are not needed, only the depth on the way.
    }
    if (tooDeep()) return parser.offset
  }
  return null
}

type Fields = {
  title: string | null
  date: string | null
  source: string | null
  url: string | null
  author: string | null
  tags: string[]
  language: string | null
  license: string | null
}

function readFields(
  meta: Record<string, unknown>,
  report: (key: string, message: string) => void,
): Fields {
  const text = (key: string): string | null => {
    const value = meta[key]
    if (value === undefined || value === null) return null
    if (typeof value === 'string' || typeof value === 'number') {
      const clean = normalizeInline(String(value))
      return clean === '' ? null : clean
    }
    report(key, `"${key}" must be text, not ${describe(value)}`)
    return null
  }

  const date = text('date')
  if (date !== null && !isIsoDate(date)) {
    report('date', `"date" is not an ISO 8601 date or date-time: ${JSON.stringify(date)}`)
  }
  const url = text('url')
  if (url !== null && !isHttpUrl(url)) {
    report('url', `"url" must be an http or https URL: ${JSON.stringify(url.slice(0, 100))}`)
  }
  const language = text('language')
  if (language !== null && !isLanguageTag(language)) {
    report('language', `"language" is not a BCP 47 language tag: ${JSON.stringify(language)}`)
  }
  let tags: string[] = []
  const rawTags = meta.tags
  if (rawTags !== undefined && rawTags !== null) {
    if (Array.isArray(rawTags) && rawTags.every((t) => typeof t === 'string')) {
      tags = rawTags.map(normalizeInline).filter((t) => t !== '')
    } else {
      report('tags', '"tags" must be a list of strings')
    }
  }
  return {
    title: text('title'),
    date: date !== null && isIsoDate(date) ? date : null,
    source: text('source'),
    url: url !== null && isHttpUrl(url) ? url : null,
    author: text('author'),
    tags,
    language: language !== null && isLanguageTag(language) ? language : null,
    license: text('license'),
  }
}

function splitParagraphs(lines: readonly string[], start: number): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let current: string[] = []
  let currentLine = 0
  const flush = () => {
    if (current.length === 0) return
    const text = normalizeInline(current.join(' '))
    if (text !== '') paragraphs.push({ text, line: currentLine + 1, lines: current.length })
    current = []
  }
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line.trim() === '') {
      flush()
    } else {
      if (current.length === 0) currentLine = i
      current.push(line)
    }
  }
  flush()
  return paragraphs
}

function isSourceLine(paragraph: Paragraph): boolean {
  return (
    paragraph.lines === 1 &&
    paragraph.text.length <= SOURCE_LINE_MAX &&
    !/[.!?…。！？｡।॥؟۔]["'”’»)」』）]*$/u.test(paragraph.text)
  )
}

/** NBSP and other spaces to a plain space, control characters out, runs of spaces collapsed. */
export function normalizeInline(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/gu, '')
      .replace(/[\s\u00A0\u2007\u202F]+/gu, ' ')
      .trim()
  )
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return false
  }
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)]
  return (
    hour < 24 && minute < 60 && second < 61 && !Number.isNaN(Date.parse(value.replace(' ', 'T')))
  )
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1
  } catch {
    return false
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping'
  return `a ${typeof value}`
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).padStart(2, '0').toUpperCase()
}

/** Lines as the normalised text has them: LF, CRLF and a lone CR each end one. */
function countLines(bytes: Uint8Array): number {
  let breaks = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) breaks++
  }
  const last = bytes[bytes.length - 1]
  return breaks + (last === 0x0a || last === 0x0d || bytes.length === 0 ? 0 : 1)
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) {
    // LF, CRLF and a lone CR each end a line, as they do once the text is normalised.
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++
  }
  return line
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return -1
  } catch {
    // Fall through to find where.
  }
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    let need = 0
    let min = 0
    if (b < 0x80) need = 0
    else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80]
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800]
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000]
    else return i
    let cp = need === 0 ? b : b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (need > 0 && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i
    i += need + 1
  }
  return -1
}
