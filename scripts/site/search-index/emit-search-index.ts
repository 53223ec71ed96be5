/**
 * Builds the static search index from the compiled corpus and writes it with the corpus emitter,
 * into `search/` of the versioned data folder. The layout of every file is described in
 * src/lib/search/index-format.ts, which the query engine reads with.
 *
 * One pass over the words of every article (title, then each paragraph) collects, with integer
 * ids and typed arrays so that 100,000 articles fit in a minute and well under a gigabyte:
 * postings (term, document, title and body counts), and the set of adjacent word pairs of each
 * document. Scores are then computed once (BM25, title and body as separate fields), quantised,
 * and everything is cut into shards of a few kilobytes.
 */
import { deflateSync } from 'node:zlib'
import { sourceSlugs, type ExtraEmitter } from '../corpus/emit-corpus.ts'
import type { Article } from '../../../src/lib/corpus/types.ts'
import {
  BM25,
  ByteWriter,
  DOC_CHUNK,
  INDEX_FORMAT,
  SCORE_STEP,
  TYPO_MIN_LENGTH,
  hashString,
  idf,
  pairFingerprint,
  pairShardKey,
  searchPaths,
  typoGroupKey,
  writeFrontCoded,
  type RootHeader,
} from '../../../src/lib/search/index-format.ts'
import { MAX_TERM_LENGTH, scanWords, termAt } from '../../../src/lib/search/normalize.ts'

export type SearchIndexOptions = {
  /** Raw bytes after which a term shard is closed (a single larger term gets a shard alone). */
  termShardBytes?: number
  /** Target raw bytes of a word-pair shard. */
  pairShardBytes?: number
  /** Target raw bytes of a typo shard. */
  typoShardBytes?: number
  /** zlib level of every file. */
  level?: number
}

const DEFAULTS: Required<SearchIndexOptions> = {
  termShardBytes: 12_000,
  pairShardBytes: 6_000,
  typoShardBytes: 6_000,
  level: 4,
}

/** Longer words are not offered as corrections. */
const TYPO_MAX_LENGTH = 24

/**
 * Articles with more body text than this are shown with their lead: their list fields are in a
 * file of the index (search/m/), so that a result never loads a large article file.
 */
export const LONG_ARTICLE_CHARS = 12_000

/**
 * Term ids by term, looked up straight from the text: an all-ASCII word is hashed and compared in
 * place (lower-cased as it is read), so the tens of millions of words of a large corpus cost no
 * string each. Other words are normalised first (normalize.ts) and looked up by their term.
 */
class TermInterner {
  readonly terms: string[] = []
  private hashes = new Int32Array(1024)
  private table = new Int32Array(2048).fill(-1)

  private add(term: string, hash: number, slot: number): number {
    const id = this.terms.length
    this.terms.push(term)
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2)
      grown.set(this.hashes)
      this.hashes = grown
    }
    this.hashes[id] = hash
    this.table[slot] = id
    if (this.terms.length * 2 > this.table.length) {
      // Grow and re-insert by the stored hashes.
      const table = new Int32Array(this.table.length * 2).fill(-1)
      const mask = table.length - 1
      this.terms.forEach((_, i) => {
        let at = (this.hashes[i] ?? 0) & mask
        while ((table[at] ?? -1) >= 0) at = (at + 1) & mask
        table[at] = i
      })
      this.table = table
    }
    return id
  }

  /** The id of the term of the word text[start, end), -1 for a word with no term. */
  idOf(
    text: string,
    start: number,
    end: number,
    ascii: boolean,
    onNew: (id: number, term: string) => void,
  ): number {
    const term = ascii ? null : termAt(text, start, end, false)
    if (term === '') return -1
    const from = term === null ? start : 0
    const source = term ?? text
    const n = term === null ? Math.min(end - start, MAX_TERM_LENGTH) : term.length
    // FNV-1a of the lower-cased code units (a term from normalizeTerm is lower-case already).
    let hash = 0x811c9dc5
    for (let k = 0; k < n; k++) {
      const c = source.charCodeAt(from + k)
      hash = Math.imul(hash ^ (c >= 0x41 && c <= 0x5a ? c + 32 : c), 0x01000193)
    }
    const mask = this.table.length - 1
    let slot = hash & mask
    for (;;) {
      const id = this.table[slot] ?? -1
      if (id < 0) break
      if (this.hashes[id] === hash) {
        const candidate = this.terms[id] ?? ''
        if (candidate.length === n) {
          let k = 0
          while (k < n) {
            const c = source.charCodeAt(from + k)
            if (candidate.charCodeAt(k) !== (c >= 0x41 && c <= 0x5a ? c + 32 : c)) break
            k++
          }
          if (k === n) return id
        }
      }
      slot = (slot + 1) & mask
    }
    const created = term ?? termAt(text, start, end, true)
    const id = this.add(created, hash, slot)
    onNew(id, created)
    return id
  }
}

/** An Int32Array that grows. */
class IntList {
  data: Int32Array
  length = 0
  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity)
  }
  release(): void {
    this.data = new Int32Array(0)
    this.length = 0
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.length++] = value
  }
}

export type SearchIndexStats = {
  files: number
  bytes: number
  terms: number
  pairs: number
  seconds: number
  byKind: Record<string, { files: number; bytes: number }>
}

/** The index files, path -> compressed bytes. */
export function buildSearchIndex(
  articles: readonly Article[],
  options: SearchIndexOptions = {},
): { files: Map<string, Uint8Array>; stats: SearchIndexStats } {
  const started = performance.now()
  const opts = { ...DEFAULTS, ...options }
  const docs = articles.length
  // Document numbers share a float with a 24-bit pair fingerprint (see the word-pair shards).
  if (docs >= 2 ** 27) throw new Error('too many articles for the search index')

  // Documents numbered source by source, newest first within each (articles come newest first).
  const slugs = sourceSlugs(articles)
  const names = [...slugs.keys()]
  const groupOf = new Map(names.map((name, i) => [name, i]))
  const groups: number[][] = names.map(() => [])
  const unsourced: number[] = []
  articles.forEach((a, rank) => {
    const g = a.source === null ? undefined : groupOf.get(a.source)
    ;(g === undefined ? unsourced : (groups[g] ?? unsourced)).push(rank)
  })
  const rankOf = new Int32Array(docs)
  const sources: RootHeader['sources'] = []
  let next = 0
  names.forEach((name, i) => {
    const members = groups[i] ?? []
    sources.push({ name, slug: slugs.get(name) ?? '', start: next, count: members.length })
    for (const rank of members) rankOf[next++] = rank
  })
  const unsourcedRange = { start: next, count: unsourced.length }
  for (const rank of unsourced) rankOf[next++] = rank

  // One pass over the words.
  const interner = new TermInterner()
  const termList = interner.terms
  const hash0 = new IntList()
  const hash1 = new IntList()
  let tfTitle = new Int32Array(1024)
  let tfBody = new Int32Array(1024)
  const postTerm = new IntList(1 << 16)
  const postDoc = new IntList(1 << 16)
  const postTf = new IntList(1 << 16) // title count << 20 | body count, each clamped
  const pairKey = new IntList(1 << 16)
  const pairFp = new IntList(1 << 16)
  const pairDoc = new IntList(1 << 16)
  const titleLength = new Int32Array(docs)
  const bodyLength = new Int32Array(docs)
  const bodyChars = new Int32Array(docs)
  const touched: number[] = []
  // The word pairs of one document, as left id * PAIR_SCALE + right id, sorted to drop repeats.
  const PAIR_SCALE = 2 ** 26
  let docPairs = new Float64Array(4096)
  let pairsInDoc = 0

  /** Called with each new term's id: its pair hashes, and room in the per-document counts. */
  const onNewTerm = (id: number, term: string) => {
    const [h0, h1] = hashString(term)
    hash0.push(h0 | 0)
    hash1.push(h1 | 0)
    if (id >= tfTitle.length) {
      const t = new Int32Array(tfTitle.length * 2)
      t.set(tfTitle)
      tfTitle = t
      const b = new Int32Array(tfBody.length * 2)
      b.set(tfBody)
      tfBody = b
    }
  }

  let prev = -1
  let length = 0
  let inTitle = true
  let text = ''
  const onWord = (start: number, end: number, ascii: boolean) => {
    const id = interner.idOf(text, start, end, ascii, onNewTerm)
    if (id < 0) return
    const t = tfTitle[id] ?? 0
    const b = tfBody[id] ?? 0
    if (t === 0 && b === 0) touched.push(id)
    if (inTitle) tfTitle[id] = t + 1
    else tfBody[id] = b + 1
    length++
    if (prev >= 0) {
      if (pairsInDoc === docPairs.length) {
        const grown = new Float64Array(docPairs.length * 2)
        grown.set(docPairs)
        docPairs = grown
      }
      docPairs[pairsInDoc++] = prev * PAIR_SCALE + id
    }
    prev = id
  }

  for (let doc = 0; doc < docs; doc++) {
    const article = articles[rankOf[doc] ?? 0]
    if (!article) continue
    prev = -1
    length = 0
    inTitle = true
    text = article.title
    scanWords(text, onWord)
    titleLength[doc] = length
    length = 0
    inTitle = false
    let chars = 0
    for (const paragraph of article.paragraphs) {
      prev = -1
      chars += paragraph.length
      text = paragraph
      scanWords(text, onWord)
    }
    bodyLength[doc] = length
    bodyChars[doc] = chars
    for (const id of touched) {
      postTerm.push(id)
      postDoc.push(doc)
      postTf.push((Math.min(tfTitle[id] ?? 0, 1023) << 20) | Math.min(tfBody[id] ?? 0, 0xfffff))
      tfTitle[id] = 0
      tfBody[id] = 0
    }
    touched.length = 0
    const keys = docPairs.subarray(0, pairsInDoc).sort()
    let last = -1
    for (const key of keys) {
      if (key === last) continue
      last = key
      const left = Math.floor(key / PAIR_SCALE)
      const right = key - left * PAIR_SCALE
      pairKey.push(pairShardKey(hash0.data[left] ?? 0, hash0.data[right] ?? 0) | 0)
      pairFp.push(pairFingerprint(hash1.data[left] ?? 0, hash1.data[right] ?? 0))
      pairDoc.push(doc)
    }
    pairsInDoc = 0
  }
  const terms = termList.length
  const files = new Map<string, Uint8Array>()
  const put = (path: string, payload: Uint8Array) => {
    files.set(path, deflateSync(payload, { level: opts.level }))
  }

  // Scores: BM25 per field, summed with the title weighted; quantised to SCORE_STEP.
  let sumTitle = 0
  let sumBody = 0
  for (let d = 0; d < docs; d++) {
    sumTitle += titleLength[d] ?? 0
    sumBody += bodyLength[d] ?? 0
  }
  const avgTitle = Math.max(1, sumTitle / Math.max(1, docs))
  const avgBody = Math.max(1, sumBody / Math.max(1, docs))
  const df = new Int32Array(terms)
  for (let p = 0; p < postTerm.length; p++) {
    const t = postTerm.data[p] ?? 0
    df[t] = (df[t] ?? 0) + 1
  }
  const termStart = new Int32Array(terms + 1)
  for (let t = 0; t < terms; t++) termStart[t + 1] = (termStart[t] ?? 0) + (df[t] ?? 0)
  const fill = termStart.slice(0, terms)
  const byTerm = new Int32Array(postTerm.length)
  for (let p = 0; p < postTerm.length; p++) {
    const t = postTerm.data[p] ?? 0
    const at = fill[t] ?? 0
    fill[t] = at + 1
    byTerm[at] = p
  }
  postTerm.release()

  const fieldScore = (tf: number, length: number, avg: number, b: number) =>
    tf === 0 ? 0 : tf / (tf + BM25.k1 * (1 - b + (b * length) / avg))

  const encodeTerm = (t: number): Uint8Array => {
    const w = new ByteWriter()
    const from = termStart[t] ?? 0
    const to = termStart[t + 1] ?? 0
    let prevDoc = -1
    for (let i = from; i < to; i++) {
      const doc = postDoc.data[byTerm[i] ?? 0] ?? 0
      w.varint(doc - prevDoc - 1)
      prevDoc = doc
    }
    const weight = idf(docs, df[t] ?? 0)
    for (let i = from; i < to; i++) {
      const p = byTerm[i] ?? 0
      const doc = postDoc.data[p] ?? 0
      const tf = postTf.data[p] ?? 0
      const score =
        BM25.titleWeight * fieldScore(tf >>> 20, titleLength[doc] ?? 0, avgTitle, BM25.titleB) +
        fieldScore(tf & 0xfffff, bodyLength[doc] ?? 0, avgBody, BM25.bodyB)
      // The lowest bit says whether the term is in the title.
      const quantised = Math.max(1, Math.round((weight * score) / SCORE_STEP))
      w.varint(quantised * 2 + (tf >>> 20 > 0 ? 1 : 0))
    }
    return w.finish()
  }

  // Term shards: sorted terms cut into runs of about termShardBytes.
  const sorted = Array.from({ length: terms }, (_, t) => t).sort((a, b) => {
    const x = termList[a] ?? ''
    const y = termList[b] ?? ''
    return x < y ? -1 : x > y ? 1 : 0
  })
  const boundaries: string[] = []
  let shardTerms: number[] = []
  let shardPostings: Uint8Array[] = []
  let shardBytes = 0
  let termShards = 0
  const closeShard = (force = false) => {
    if (shardTerms.length === 0 && !force) return
    const w = new ByteWriter()
    w.varint(shardTerms.length)
    writeFrontCoded(
      w,
      shardTerms.map((t) => termList[t] ?? ''),
    )
    shardTerms.forEach((t, i) => {
      w.varint(df[t] ?? 0)
      w.varint(shardPostings[i]?.length ?? 0)
    })
    for (const postings of shardPostings) w.bytes(postings)
    put(searchPaths.termShard(termShards), w.finish())
    termShards++
    shardTerms = []
    shardPostings = []
    shardBytes = 0
  }
  let lastTerm = ''
  for (const t of sorted) {
    const postings = encodeTerm(t)
    const term = termList[t] ?? ''
    if (shardBytes > 0 && shardBytes + postings.length > opts.termShardBytes) closeShard()
    if (shardTerms.length === 0 && termShards > 0) boundaries.push(separator(lastTerm, term))
    shardTerms.push(t)
    shardPostings.push(postings)
    shardBytes += postings.length + term.length + 3
    lastTerm = term
  }
  // An empty corpus still has one (empty) shard, for the engine to find nothing in.
  closeShard(termShards === 0)
  postDoc.release()
  postTf.release()

  // Word-pair shards, by hash.
  const pairCount = pairDoc.length
  if (pairCount >= 2 ** 31) throw new Error('too many word pairs for the search index')
  const pairShards = Math.max(1, Math.ceil((pairCount * 2.5) / opts.pairShardBytes))
  const pairStart = new Int32Array(pairShards + 1)
  for (let i = 0; i < pairCount; i++) {
    const shard = ((pairKey.data[i] ?? 0) >>> 0) % pairShards
    pairStart[shard + 1] = (pairStart[shard + 1] ?? 0) + 1
  }
  for (let s = 0; s < pairShards; s++) {
    pairStart[s + 1] = (pairStart[s + 1] ?? 0) + (pairStart[s] ?? 0)
  }
  const pairFill = pairStart.slice(0, pairShards)
  const pairOrder = new Float64Array(pairCount)
  for (let i = 0; i < pairCount; i++) {
    // fingerprint (24 bits) above the document number (27 bits): sorts by pair, then document.
    const shard = ((pairKey.data[i] ?? 0) >>> 0) % pairShards
    const at = pairFill[shard] ?? 0
    pairFill[shard] = at + 1
    pairOrder[at] = ((pairFp.data[i] ?? 0) >>> 0) * 134217728 + (pairDoc.data[i] ?? 0)
  }
  // The collected pairs are in pairOrder now: let their memory go.
  for (const list of [pairKey, pairFp, pairDoc]) list.release()
  let distinctPairs = 0
  for (let s = 0; s < pairShards; s++) {
    const entries = pairOrder.subarray(pairStart[s] ?? 0, pairStart[s + 1] ?? 0).sort()
    const fps: number[] = []
    const counts: number[] = []
    const postings = new ByteWriter()
    let prevDoc = -1
    for (const entry of entries) {
      const fp = Math.floor(entry / 134217728)
      const doc = entry - fp * 134217728
      if (fps.length === 0 || fps[fps.length - 1] !== fp) {
        fps.push(fp)
        counts.push(0)
        prevDoc = -1
      }
      counts[counts.length - 1] = (counts[counts.length - 1] ?? 0) + 1
      postings.varint(doc - prevDoc - 1)
      prevDoc = doc
    }
    distinctPairs += fps.length
    const w = new ByteWriter()
    w.varint(fps.length)
    let prevFp = -1
    fps.forEach((fp, i) => {
      w.varint(fp - prevFp - 1)
      w.varint(counts[i] ?? 0)
      prevFp = fp
    })
    w.bytes(postings.finish())
    put(searchPaths.pairShard(s), w.finish())
  }

  // Typo groups: every word of letters only, under its first two and its last two letters, for
  // the query lengths one less, equal and one more than its own.
  const typoGroups = new Map<string, number[]>()
  let typoEntries = 0
  for (const t of sorted) {
    const term = termList[t] ?? ''
    if (!/^\p{L}+$/u.test(term)) continue
    const letters = Array.from(term)
    const length = letters.length
    if (length < TYPO_MIN_LENGTH - 1 || length > TYPO_MAX_LENGTH) continue
    const first = letters.slice(0, 2).join('')
    const last = letters.slice(-2).join('')
    for (let n = Math.max(TYPO_MIN_LENGTH, length - 1); n <= length + 1; n++) {
      for (const key of [typoGroupKey('p', first, n), typoGroupKey('s', last, n)]) {
        const list = typoGroups.get(key) ?? []
        list.push(t)
        typoGroups.set(key, list)
        typoEntries++
      }
    }
  }
  const typoShards = Math.max(1, Math.ceil((typoEntries * 7) / opts.typoShardBytes))
  const typoBuckets: string[][] = Array.from({ length: typoShards }, () => [])
  for (const key of [...typoGroups.keys()].sort()) {
    typoBuckets[(hashString(key)[0] >>> 0) % typoShards]?.push(key)
  }
  typoBuckets.forEach((keys, shard) => {
    const w = new ByteWriter()
    w.varint(keys.length)
    for (const key of keys) {
      const members = typoGroups.get(key) ?? []
      w.string(key)
      w.varint(members.length)
      writeFrontCoded(
        w,
        members.map((t) => termList[t] ?? ''),
      )
      for (const t of members) w.varint(df[t] ?? 0)
    }
    put(searchPaths.typoShard(shard), w.finish())
  })

  // Document chunks: article ids, and which are long articles, whose list fields (their files are
  // large) are in a file of their own.
  for (let chunk = 0; chunk * DOC_CHUNK < docs; chunk++) {
    const w = new ByteWriter()
    const from = chunk * DOC_CHUNK
    const to = Math.min(docs, from + DOC_CHUNK)
    const long: Array<[number, Article]> = []
    for (let doc = from; doc < to; doc++) {
      const article = articles[rankOf[doc] ?? 0]
      const id = article?.id ?? ''
      const bytes = new Uint8Array(8)
      for (let i = 0; i < 8; i++) bytes[i] = parseInt(id.slice(i * 2, i * 2 + 2), 16) || 0
      w.bytes(bytes)
      if (article && (bodyChars[doc] ?? 0) > LONG_ARTICLE_CHARS) long.push([doc - from, article])
    }
    w.varint(long.length)
    for (const [local] of long) w.varint(local)
    put(searchPaths.docChunk(chunk), w.finish())
    if (long.length > 0) {
      const meta = new ByteWriter()
      meta.string(
        JSON.stringify(
          long.map(([, a]) => ({
            id: a.id,
            slug: a.slug,
            title: a.title,
            source: a.source,
            sourceSlug: a.source === null ? null : (slugs.get(a.source) ?? null),
            date: a.date,
            excerpt: a.excerpt,
          })),
        ),
      )
      put(searchPaths.longMeta(chunk), meta.finish())
    }
  }

  // Newest-first ranks, gap-coded within each source.
  const ranks = new ByteWriter()
  const starts = new Set([...sources.map((s) => s.start), unsourcedRange.start])
  let prevRank = -1
  for (let doc = 0; doc < docs; doc++) {
    if (starts.has(doc)) prevRank = -1
    const rank = rankOf[doc] ?? 0
    ranks.varint(rank - prevRank - 1)
    prevRank = rank
  }
  put(searchPaths.ranks(), ranks.finish())

  const header: RootHeader = {
    format: INDEX_FORMAT,
    docs,
    scoreStep: SCORE_STEP,
    termShards,
    pairShards,
    typoShards,
    docChunk: DOC_CHUNK,
    sources,
    unsourced: unsourcedRange,
  }
  const root = new ByteWriter()
  root.string(JSON.stringify(header))
  writeFrontCoded(root, boundaries)
  put(searchPaths.root(), root.finish())

  const byKind: SearchIndexStats['byKind'] = {}
  let bytes = 0
  for (const [path, content] of files) {
    const kind = path.split('/')[1]?.replace(/\.bin$/, '') ?? path
    const entry = (byKind[kind] ??= { files: 0, bytes: 0 })
    entry.files++
    entry.bytes += content.length
    bytes += content.length
  }
  return {
    files,
    stats: {
      files: files.size,
      bytes,
      terms,
      pairs: distinctPairs,
      seconds: (performance.now() - started) / 1000,
      byKind,
    },
  }
}

/** The shortest prefix of `next` that sorts after `prev` (prev < next). */
function separator(prev: string, next: string): string {
  for (let n = 1; n <= next.length; n++) {
    const cut = next.slice(0, n)
    if (cut > prev) return /[\ud800-\udbff]$/.test(cut) ? next.slice(0, n + 1) : cut
  }
  return next
}

export const emitSearchIndex: ExtraEmitter = (articles, write) => {
  const { files } = buildSearchIndex(articles)
  for (const [path, content] of files) write(path, content)
}
