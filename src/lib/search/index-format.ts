/**
 * The search index's files: their paths, byte layouts and the scoring constants baked into them.
 * Shared by the writer (scripts/site/search-index/emit-search-index.ts) and the reader (search-engine.ts).
 *
 * Every index file is binary and deflate-compressed (zlib format, RFC 1950), so that what crosses
 * the network is small whether or not the host compresses; the engine inflates it with the
 * platform's DecompressionStream. Files, relative to the versioned data folder:
 *
 *   search/root.bin         the header (JSON: counts, constants, sources) and the first term of
 *                           each term shard
 *   search/t/<n>.bin        term shards: consecutive terms in sorted order, each with its
 *                           document frequency and postings (documents and quantised scores)
 *   search/b/<n>.bin        word-pair shards, by hash: for each pair of adjacent words, the
 *                           documents where they stand side by side (phrases and proximity)
 *   search/f/<n>.bin        typo shards, by hash of a group key: vocabulary words grouped by their
 *                           first two letters and by their last two letters, and by length
 *                           (typoLength: a Hangul syllable counts one)
 *   search/d/<n>.bin        document chunks: the article ids of DOC_CHUNK consecutive documents,
 *                           and which of them are long articles
 *   search/m/<n>.bin        the list fields (title, slug, date, lead excerpt...) of the long
 *                           articles of chunk n, whose own files are too large to load for a
 *                           result (their excerpt is their lead)
 *   search/ranks.bin        each document's place in the newest-first order (for sorting by date)
 *
 * Documents are numbered source by source (sources in name order, articles without a source
 * last), newest first within each source: a source is a range of numbers, which makes the
 * counts per source and the source filter free.
 *
 * Byte layouts, once inflated (varint: unsigned LEB128; string: varint byte length and UTF-8;
 * front-coded strings: for each, a varint count of UTF-16 units shared with the previous one, then
 * the rest as a string; gaps are stored minus one, from -1):
 *
 *   root    string (JSON RootHeader); front-coded first terms of shards 1..termShards-1
 *   t       varint n; n front-coded terms; n × (varint df, varint postings length); then each
 *           term's postings: df × varint document gap, df × varint (score × 2 + in title)
 *   b       varint n; n × (varint fingerprint gap, varint df); then each pair's df × varint
 *           document gap. A pair's shard is pairShardKey(...) % pairShards.
 *   f       varint groups; each: string key, varint n, n front-coded words, n × varint df. A
 *           group's shard is hashString(key)[0] % typoShards.
 *   d       8 bytes of article id per document; varint k; k × varint index of a long article
 *   m       string (JSON array of the long articles' list fields, in the order of d)
 *   ranks   varint rank gap per document, the gaps starting again at each source
 */

export const INDEX_FORMAT = 1

/** Bits of a word pair's fingerprint kept in the index. */
export const FINGERPRINT_MASK = 0xffffff

/** Words shorter than this (in code points) are not corrected, nor offered as corrections. */
export const TYPO_MIN_LENGTH = 4

/** Documents per document chunk. */
export const DOC_CHUNK = 32

/** BM25 parameters and field weights, fixed when the index is built. */
export const BM25 = {
  k1: 1.2,
  bodyB: 0.75,
  titleB: 0.5,
  titleWeight: 2.5,
} as const

/**
 * A posting's score is stored as round(score / SCORE_STEP), at least 1, times two plus one when the
 * term is in the document's title.
 */
export const SCORE_STEP = 0.1

export const searchPaths = {
  root: () => 'search/root.bin',
  termShard: (n: number) => `search/t/${n}.bin`,
  pairShard: (n: number) => `search/b/${n}.bin`,
  typoShard: (n: number) => `search/f/${n}.bin`,
  docChunk: (n: number) => `search/d/${n}.bin`,
  longMeta: (n: number) => `search/m/${n}.bin`,
  ranks: () => 'search/ranks.bin',
}

/** What root.bin's JSON header holds. */
export type RootHeader = {
  format: number
  docs: number
  scoreStep: number
  termShards: number
  pairShards: number
  typoShards: number
  docChunk: number
  sources: Array<{ name: string; slug: string; start: number; count: number }>
  /** Documents without a source: the last `count` numbers. */
  unsourced: { start: number; count: number }
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0
const isRange = (v: unknown): boolean => isObj(v) && isCount(v.start) && isCount(v.count)

export function isRootHeader(v: unknown): v is RootHeader {
  if (!isObj(v)) return false
  const o = v
  return (
    o.format === INDEX_FORMAT &&
    isCount(o.docs) &&
    typeof o.scoreStep === 'number' &&
    isCount(o.termShards) &&
    isCount(o.pairShards) &&
    isCount(o.typoShards) &&
    isCount(o.docChunk) &&
    isRange(o.unsourced) &&
    Array.isArray(o.sources) &&
    o.sources.every(
      (s: unknown) =>
        isObj(s) && isRange(s) && typeof s.name === 'string' && typeof s.slug === 'string',
    )
  )
}

/** A sink for varints, strings and raw bytes, grown as needed. */
export class ByteWriter {
  private buf = new Uint8Array(256)
  length = 0

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.length + n) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.length))
    this.buf = next
  }

  /** Unsigned LEB128, for integers up to 2^53. */
  varint(value: number): void {
    this.room(8)
    let v = value
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80
      v = Math.floor(v / 0x80)
    }
    this.buf[this.length++] = v
  }

  bytes(data: Uint8Array): void {
    this.room(data.length)
    this.buf.set(data, this.length)
    this.length += data.length
  }

  string(text: string): void {
    const data = encoder.encode(text)
    this.varint(data.length)
    this.bytes(data)
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.length)
  }
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Thrown when an index file does not have the layout the reader expects. */
export class IndexFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IndexFormatError'
  }
}

/** The longest string `ByteReader.string` builds without the decoder when it is ASCII. */
const ASCII_FAST_PATH = 32

export class ByteReader {
  pos = 0
  readonly data: Uint8Array
  constructor(data: Uint8Array) {
    this.data = data
  }

  get done(): boolean {
    return this.pos >= this.data.length
  }

  varint(): number {
    let value = 0
    let scale = 1
    for (;;) {
      if (this.pos >= this.data.length) throw new IndexFormatError('truncated varint')
      const byte = this.data[this.pos++] ?? 0
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 0x80
      if (scale > 2 ** 49) throw new IndexFormatError('varint too long')
    }
  }

  bytes(n: number): Uint8Array {
    if (this.pos + n > this.data.length) throw new IndexFormatError('truncated bytes')
    const out = this.data.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }

  string(): string {
    const bytes = this.bytes(this.varint())
    // Most strings of the index are short ASCII words; built from their codes they skip the
    // decoder, whose call costs more than the work for a word (a typo shard decoded 2x faster).
    if (bytes.length <= ASCII_FAST_PATH) {
      let out = ''
      for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i] ?? 0
        if (byte >= 0x80) return decoder.decode(bytes)
        out += String.fromCharCode(byte)
      }
      return out
    }
    return decoder.decode(bytes)
  }
}

/** Writes sorted strings front-coded: length of the prefix shared with the previous, then the rest. */
export function writeFrontCoded(w: ByteWriter, sorted: readonly string[]): void {
  let prev = ''
  for (const s of sorted) {
    let shared = 0
    const max = Math.min(prev.length, s.length)
    while (shared < max && prev.charCodeAt(shared) === s.charCodeAt(shared)) shared++
    // Never split a surrogate pair between the shared part and the rest.
    if (shared > 0 && /[\ud800-\udbff]/.test(s.charAt(shared - 1))) shared--
    w.varint(shared)
    w.string(s.slice(shared))
    prev = s
  }
}

export function readFrontCoded(r: ByteReader, count: number): string[] {
  const out: string[] = []
  let prev = ''
  for (let i = 0; i < count; i++) {
    const shared = r.varint()
    if (shared > prev.length) throw new IndexFormatError('bad front coding')
    prev = prev.slice(0, shared) + r.string()
    out.push(prev)
  }
  return out
}

/**
 * Two independent 32-bit hashes of a string (FNV-1a and a multiply-xorshift), so that word pairs
 * and typo groups can be found without storing their text.
 */
export function hashString(text: string): [number, number] {
  let a = 0x811c9dc5
  let b = 0x9747b28c
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
    b ^= b >>> 15
  }
  return [mix(a), mix(b ^ text.length)]
}

function mix(value: number): number {
  let h = value
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * Where the pair (left, right) of terms lives: its shard key and its fingerprint inside the shard,
 * from the two terms' own hashes (see hashString). Plain numbers, as the builder calls these for
 * every word of the corpus.
 */
export function pairShardKey(left0: number, right0: number): number {
  return mix((Math.imul(left0, 0x9e3779b1) ^ right0) >>> 0)
}

export function pairFingerprint(left1: number, right1: number): number {
  return mix((Math.imul(left1 ^ 0x27d4eb2f, 0x165667b1) + right1) >>> 0) & FINGERPRINT_MASK
}

/**
 * A typo group: the vocabulary words whose first (kind 'p') or last (kind 's') two letters are
 * `letters` and whose typo length is within one of `length`.
 */
export function typoGroupKey(kind: 'p' | 's', letters: string, length: number): string {
  return `${kind}${letters}${length}`
}

/** Hangul vowel and final jamo: with the initial before them, they make one syllable. */
const isVowelOrFinalJamo = (code: number) =>
  (code >= 0x1160 && code <= 0x11ff) || (code >= 0xd7b0 && code <= 0xd7ff)
const VOWEL_OR_FINAL_JAMO = /[\u1160-\u11ff\ud7b0-\ud7ff]/

/**
 * The length of a term for its typo groups: its code points, except that the jamo of a Hangul
 * syllable count as one (terms hold Korean as jamo, normalize.ts). A typo in Korean is a wrong
 * jamo or a syllable left out or swapped: either way the word keeps its number of syllables, or
 * loses one, as a Latin word keeps its letters or loses one.
 */
export function typoLength(term: string): number {
  let n = 0
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i)
    if (!isVowelOrFinalJamo(code) && (code < 0xdc00 || code > 0xdfff)) n++
  }
  return n
}

/**
 * The typo lengths of the queries a vocabulary word is a correction for: its own, one less and one
 * more (one edit), none below that of the shortest word corrected (TYPO_MIN_LENGTH letters; two
 * syllables of Hangul, which have four jamo or more).
 */
export function typoLengthsServed(term: string): number[] {
  const length = typoLength(term)
  const lowest = VOWEL_OR_FINAL_JAMO.test(term) ? 2 : TYPO_MIN_LENGTH
  const out: number[] = []
  for (let n = Math.max(lowest, length - 1); n <= length + 1; n++) out.push(n)
  return out
}

/** The two typo groups a query word looks in: one edit leaves its start or its end intact. */
export function typoGroupKeys(term: string): [string, string] {
  const points = Array.from(term)
  const length = typoLength(term)
  return [
    typoGroupKey('p', points.slice(0, 2).join(''), length),
    typoGroupKey('s', points.slice(-2).join(''), length),
  ]
}

/** Inverse document frequency, BM25's (always positive). */
export function idf(docs: number, df: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5))
}
