/** Decoders for the index files described in index-format.ts. */
import {
  ByteReader,
  IndexFormatError,
  isRootHeader,
  readFrontCoded,
  type RootHeader,
} from './index-format.ts'

export type Postings = {
  docs: Int32Array
  /** Scores as stored: multiply by the root's scoreStep. */
  scores: Uint16Array
  /** 1 where the term is in the document's title. */
  inTitle: Uint8Array
}

export type Root = RootHeader & {
  /** The first term (or a shorter separator) of term shards 1, 2, ... */
  boundaries: string[]
}

export function readRoot(data: Uint8Array): Root {
  const r = new ByteReader(data)
  let header: unknown
  try {
    header = JSON.parse(r.string())
  } catch {
    throw new IndexFormatError('the search index root is not valid')
  }
  if (!isRootHeader(header)) throw new IndexFormatError('the search index root is not valid')
  const boundaries = readFrontCoded(r, Math.max(0, header.termShards - 1))
  return { ...header, boundaries }
}

/** The shard that holds `term` (or would): the last one whose first term is <= term. */
export function termShardOf(root: Root, term: string): number {
  let lo = 0
  let hi = root.boundaries.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((root.boundaries[mid] ?? '') <= term) lo = mid + 1
    else hi = mid
  }
  return lo
}

function readGaps(r: ByteReader, count: number): Int32Array {
  const docs = new Int32Array(count)
  let doc = -1
  for (let i = 0; i < count; i++) {
    doc += r.varint() + 1
    docs[i] = doc
  }
  return docs
}

export class TermShard {
  readonly terms: string[]
  readonly df: number[]
  private readonly offsets: number[]
  private readonly data: Uint8Array
  private readonly decoded = new Map<number, Postings>()

  constructor(data: Uint8Array) {
    const r = new ByteReader(data)
    const n = r.varint()
    this.terms = readFrontCoded(r, n)
    this.df = []
    this.offsets = []
    const lengths: number[] = []
    for (let i = 0; i < n; i++) {
      this.df.push(r.varint())
      lengths.push(r.varint())
    }
    let at = r.pos
    for (const length of lengths) {
      this.offsets.push(at)
      at += length
    }
    if (at > data.length) throw new IndexFormatError('truncated term shard')
    this.offsets.push(at)
    this.data = data
  }

  indexOf(term: string): number {
    let lo = 0
    let hi = this.terms.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const t = this.terms[mid] ?? ''
      if (t === term) return mid
      if (t < term) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /** Indices of the terms that start with `prefix`. */
  withPrefix(prefix: string): number[] {
    const out: number[] = []
    this.terms.forEach((t, i) => {
      if (t.startsWith(prefix)) out.push(i)
    })
    return out
  }

  postings(i: number): Postings {
    let p = this.decoded.get(i)
    if (p) return p
    const count = this.df[i] ?? 0
    const r = new ByteReader(this.data.subarray(this.offsets[i] ?? 0, this.offsets[i + 1] ?? 0))
    const docs = readGaps(r, count)
    const scores = new Uint16Array(count)
    const inTitle = new Uint8Array(count)
    for (let k = 0; k < count; k++) {
      const value = r.varint()
      scores[k] = Math.min(65535, Math.floor(value / 2))
      inTitle[k] = value & 1
    }
    p = { docs, scores, inTitle }
    this.decoded.set(i, p)
    return p
  }
}

export class PairShard {
  private readonly fingerprints: Uint32Array
  private readonly counts: Uint32Array
  private readonly offsets: Uint32Array
  private readonly data: Uint8Array
  private readonly decoded = new Map<number, Int32Array>()

  constructor(data: Uint8Array) {
    const r = new ByteReader(data)
    const n = r.varint()
    this.fingerprints = new Uint32Array(n)
    this.counts = new Uint32Array(n)
    let fp = -1
    for (let i = 0; i < n; i++) {
      fp += r.varint() + 1
      this.fingerprints[i] = fp
      this.counts[i] = r.varint()
    }
    // Postings follow one another: find where each starts by skipping varints once.
    this.offsets = new Uint32Array(n + 1)
    let at = r.pos
    for (let i = 0; i < n; i++) {
      this.offsets[i] = at
      for (let k = this.counts[i] ?? 0; k > 0; k--) {
        while ((data[at] ?? 0) >= 0x80) at++
        at++
      }
    }
    if (at > data.length) throw new IndexFormatError('truncated pair shard')
    this.offsets[n] = at
    this.data = data
  }

  /** The documents where the pair with this fingerprint occurs, or null. */
  lookup(fingerprint: number): { df: number; docs: Int32Array } | null {
    let lo = 0
    let hi = this.fingerprints.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const f = this.fingerprints[mid] ?? 0
      if (f === fingerprint) {
        let docs = this.decoded.get(mid)
        if (!docs) {
          const r = new ByteReader(this.data.subarray(this.offsets[mid], this.offsets[mid + 1]))
          docs = readGaps(r, this.counts[mid] ?? 0)
          this.decoded.set(mid, docs)
        }
        return { df: docs.length, docs }
      }
      if (f < fingerprint) lo = mid + 1
      else hi = mid - 1
    }
    return null
  }
}

export type TypoEntry = { term: string; df: number }

export function readTypoShard(data: Uint8Array): Map<string, TypoEntry[]> {
  const r = new ByteReader(data)
  const groups = new Map<string, TypoEntry[]>()
  const n = r.varint()
  for (let i = 0; i < n; i++) {
    const key = r.string()
    const count = r.varint()
    const terms = readFrontCoded(r, count)
    groups.set(
      key,
      terms.map((term) => ({ term, df: r.varint() })),
    )
  }
  return groups
}

/** The list fields a long article carries in its document chunk instead of its own file. */
export type DocMeta = {
  id: string
  slug: string
  title: string
  source: string | null
  sourceSlug: string | null
  date: string | null
  excerpt: string
  /** Absent when the story gives none. */
  language?: string | null
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isNullableStr = (v: unknown): v is string | null => v === null || typeof v === 'string'

export function isDocMeta(v: unknown): v is DocMeta {
  return (
    isObj(v) &&
    typeof v.id === 'string' &&
    typeof v.slug === 'string' &&
    typeof v.title === 'string' &&
    isNullableStr(v.source) &&
    isNullableStr(v.sourceSlug) &&
    isNullableStr(v.date) &&
    typeof v.excerpt === 'string' &&
    (v.language === undefined || isNullableStr(v.language))
  )
}

/** What the engine reads of an article file (articles/<xx>/<id>.json). */
export type ArticleText = DocMeta & { paragraphs: string[] }

export function isArticleText(v: unknown): v is ArticleText {
  if (!isObj(v)) return false
  const { paragraphs } = v
  return (
    isDocMeta(v) &&
    Array.isArray(paragraphs) &&
    paragraphs.every((p: unknown) => typeof p === 'string')
  )
}

export type DocChunk = {
  ids: string[]
  /** Local indices of the long articles, in order: their list fields are in the chunk's meta file. */
  long: number[]
}

export function readDocChunk(data: Uint8Array, count: number): DocChunk {
  const r = new ByteReader(data)
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const bytes = r.bytes(8)
    let id = ''
    for (const b of bytes) id += b.toString(16).padStart(2, '0')
    ids.push(id)
  }
  const long: number[] = []
  const n = r.varint()
  for (let i = 0; i < n; i++) long.push(r.varint())
  return { ids, long }
}

/** The list fields of the long articles of a chunk, in the order of DocChunk.long. */
export function readLongMeta(data: Uint8Array): DocMeta[] {
  let metas: unknown
  try {
    metas = JSON.parse(new ByteReader(data).string())
  } catch {
    throw new IndexFormatError('bad long-article file')
  }
  if (!Array.isArray(metas) || !metas.every(isDocMeta)) {
    throw new IndexFormatError('bad long-article file')
  }
  return metas
}

/** Each document's place in the newest-first order. */
export function readRanks(data: Uint8Array, root: Root): Int32Array {
  const r = new ByteReader(data)
  const ranks = new Int32Array(root.docs)
  const starts = new Set([...root.sources.map((s) => s.start), root.unsourced.start])
  let prev = -1
  for (let doc = 0; doc < root.docs; doc++) {
    if (starts.has(doc)) prev = -1
    prev += r.varint() + 1
    ranks[doc] = prev
  }
  return ranks
}
