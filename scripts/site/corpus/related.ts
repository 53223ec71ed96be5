/**
 * Related stories, chosen at build time from the text (issue 20).
 *
 * Each story becomes a vector of terms: the words of its title and tags (counted `titleWeight`
 * times) and of its first `bodyWords` words of body, normalised like the search index
 * (src/lib/search/normalize.ts, so any language tokenizes), digits-only terms left out, weighted by
 * sublinear term frequency times `idf ** idfPower`. There is no stop word list: a term found in
 * more than `maxDocShare` of the stories is a function word in whatever language and is left out,
 * and so is a term of one story, which links nothing. A story keeps its `vectorTerms` strongest
 * terms, normalised to unit length.
 *
 * Candidates come from an inverted index over each story's `indexTerms` strongest terms, whose
 * postings keep the `maxPostings` stories where the term weighs most; the `candidates` best by
 * that partial score are scored by the cosine of the full vectors. Then the similarities are
 * smoothed once over the neighbour graph: a candidate also scores `secondOrder` times its
 * similarity to the story's `neighbours` nearest stories, weighted by theirs (stories close to the
 * story's closest stories are on its topic). Work is O(stories * (indexTerms * maxPostings +
 * candidates * vectorTerms)), memory O(stories * vectorTerms), far below all pairs: a story is
 * only compared with stories that share one of its strong terms, and with their neighbours.
 * The text is read once, its words looked up without a string each, and what is kept lives in
 * flat typed arrays (vectors, sketches, postings, neighbours), not in an object per term or story:
 * at 100,000 stories the step must add little time and no peak memory to the compile (issue 20).
 *
 * Near-duplicates (the same wire story published twice) are not related: each story keeps a
 * bottom-k sketch of the hashes of its body's word 5-grams, and a candidate whose estimated
 * resemblance (Jaccard of the 5-gram sets) with the story, or with a story already chosen, reaches
 * `duplicateResemblance` is passed over.
 *
 * Deterministic: stories are visited in id order whatever order they come in, and ties go to the
 * smaller id.
 */
import { scanWords } from '../../../src/lib/search/normalize.ts'
import type { Article } from '../../../src/lib/corpus/types.ts'
import { TermInterner } from '../search-index/term-interner.ts'

export type RelatedOptions = {
  /** Related stories per story, at most. */
  limit: number
  /** Body words read per story: the lead carries the topic, and the cost stays bounded. */
  bodyWords: number
  /** How many times a word of the title or of a tag counts. */
  titleWeight: number
  /** Terms in more than this share of the stories are function words (2 stories always count). */
  maxDocShare: number
  /** The exponent of the inverse document frequency in a term's weight (0: frequency alone). */
  idfPower: number
  /** Terms kept per story for scoring. */
  vectorTerms: number
  /** Terms per story in the inverted index, the strongest of the kept ones. */
  indexTerms: number
  /** The most stories a term's postings keep: those where it weighs most. */
  maxPostings: number
  /** Candidates per story scored with the full vectors, and kept for the smoothing step. */
  candidates: number
  /** Nearest stories whose own neighbours lend their similarity. */
  neighbours: number
  /** The weight of that second-order similarity. */
  secondOrder: number
  /** The least score a related story has. */
  minScore: number
  /** Estimated 5-gram resemblance from which two stories are copies of one another. */
  duplicateResemblance: number
}

/**
 * Chosen on the Wikinews dev set (`npm run bench:related`, precision@5 against topic labels; the
 * TF-IDF anchor with an English stop list scores 0.76 there): 0.823 as set here; 0.800 without the
 * second-order step, 0.803 with `idfPower` 0.5 (topics are carried by moderately common words more
 * than by the rarest, whose chance matches idf rewards), 0.804 with 64 vector terms. Neighbouring
 * settings of the smoothing, title weight and document-frequency cut score 0.82 to 0.83, and so do 300
 * to 500 body words. The postings cap bounds the work at scale and never binds at dev-set size.
 */
export const RELATED_DEFAULTS: RelatedOptions = {
  limit: 5,
  bodyWords: 300,
  titleWeight: 3,
  maxDocShare: 0.2,
  idfPower: 0,
  vectorTerms: 120,
  indexTerms: 60,
  maxPostings: 64,
  candidates: 20,
  neighbours: 5,
  secondOrder: 0.5,
  minScore: 0.05,
  duplicateResemblance: 0.5,
}

/** Words in a shingle, and hashes kept per story for the resemblance estimate. */
const SHINGLE = 5
const SKETCH = 32
const DIGITS = /^[0-9]+$/

export type RelatedText = Pick<Article, 'id' | 'title' | 'tags' | 'paragraphs'>

const noop = () => {}

function grownInt32(
  array: Int32Array<ArrayBuffer>,
  size: number,
  fill = 0,
): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array
  const next = new Int32Array(Math.max(size, array.length * 2)).fill(fill)
  next.set(array)
  return next
}

/**
 * Reads a story's terms as ids, in order: its title and tags (heading), then the first
 * `bodyWords` words of its body, whose ids it keeps in `body`. Terms are looked up in the text
 * (term-interner.ts), so the tens of millions of words of a large corpus cost no string each, and
 * one callback serves every word: scanning allocates nothing once the vocabulary is known.
 */
class StoryScanner {
  readonly interner = new TermInterner()
  /** The ids of the body words of the story last scanned (`bodyCount` of them). */
  readonly body: Int32Array
  bodyCount = 0
  /** 1 for a term of digits alone, by id. */
  private numeric = new Uint8Array(1024)
  private text = ''
  private heading = false
  private onTerm: (id: number, heading: boolean) => void = noop
  private readonly onNew = (id: number, term: string) => {
    if (id >= this.numeric.length) {
      const grown = new Uint8Array(this.numeric.length * 2)
      grown.set(this.numeric)
      this.numeric = grown
    }
    this.numeric[id] = DIGITS.test(term) ? 1 : 0
  }
  private readonly onWord = (start: number, end: number, ascii: boolean): boolean => {
    if (!this.heading && this.bodyCount >= this.body.length) return false
    const id = this.interner.idOf(this.text, start, end, ascii, this.onNew)
    if (id < 0) return true
    if (!this.heading) this.body[this.bodyCount++] = id
    this.onTerm(id, this.heading)
    return true
  }

  constructor(bodyWords: number) {
    this.body = new Int32Array(bodyWords)
  }

  get vocabularySize(): number {
    return this.interner.terms.length
  }

  isNumeric(id: number): boolean {
    return this.numeric[id] === 1
  }

  scan(story: RelatedText, onTerm: (id: number, heading: boolean) => void): void {
    this.onTerm = onTerm
    this.bodyCount = 0
    this.heading = true
    this.read(story.title)
    for (const tag of story.tags) this.read(tag)
    this.heading = false
    for (const paragraph of story.paragraphs) {
      if (this.bodyCount >= this.body.length) break
      this.read(paragraph)
    }
    this.text = ''
  }

  private read(text: string): void {
    this.text = text
    scanWords(text, this.onWord)
  }
}

/** A 32-bit hash of the SHINGLE term ids of `ids` from `at` (0 past its end). */
function shingleHash(ids: Int32Array, at: number): number {
  let h = 0x811c9dc5
  for (let k = at; k < at + SHINGLE; k++) {
    h = Math.imul(h ^ (ids[k] ?? 0), 0x01000193)
    h ^= h >>> 15
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  return (h ^ (h >>> 13)) >>> 0
}

/**
 * Writes the bottom-k sketch (ascending) of the 5-grams of `ids` (of the whole when shorter than
 * 5) into `out` from `at`, using `hashes` (at least ids.length long) as scratch; returns its length.
 */
function writeSketch(ids: Int32Array, hashes: Uint32Array, out: Uint32Array, at: number): number {
  let count = 0
  for (let i = 0; i + SHINGLE <= ids.length; i++) hashes[count++] = shingleHash(ids, i)
  if (count === 0 && ids.length > 0) hashes[count++] = shingleHash(ids, 0)
  const sorted = hashes.subarray(0, count).sort()
  let n = 0
  for (let i = 0; i < sorted.length && n < SKETCH; i++) {
    const h = sorted[i] ?? 0
    if (n === 0 || out[at + n - 1] !== h) out[at + n++] = h
  }
  return n
}

/** The bottom-k sketch (ascending) of the 5-grams of `ids` (of the whole when shorter than 5). */
export function shingleSketch(ids: Int32Array): Uint32Array {
  const out = new Uint32Array(SKETCH)
  return out.slice(0, writeSketch(ids, new Uint32Array(Math.max(1, ids.length)), out, 0))
}

/**
 * The resemblance of two stories estimated from their bottom-k sketches: the share of the k
 * smallest hashes of the union that both hold.
 */
export function sketchResemblance(a: Uint32Array, b: Uint32Array): number {
  return resemblance(a, 0, a.length, b, 0, b.length)
}

/** sketchResemblance of a[i, aEnd) and b[j, bEnd). */
function resemblance(
  a: Uint32Array,
  i: number,
  aEnd: number,
  b: Uint32Array,
  j: number,
  bEnd: number,
): number {
  let seen = 0
  let both = 0
  while (seen < SKETCH && (i < aEnd || j < bEnd)) {
    const x = i < aEnd ? (a[i] ?? 0) : Infinity
    const y = j < bEnd ? (b[j] ?? 0) : Infinity
    if (x === y) {
      both++
      i++
      j++
    } else if (x < y) i++
    else j++
    seen++
  }
  return seen === 0 ? 0 : both / seen
}

/**
 * The stories' vectors in flat arrays, `vectorTerms` slots each, strongest term first (the first
 * `indexTerms` are the story's index terms), and each story's 5-gram sketch (`SKETCH` slots each).
 */
type Vectors = {
  terms: Int32Array
  weights: Float32Array
  lengths: Int32Array
  sketches: Uint32Array
  sketchLengths: Uint8Array
  vocabularySize: number
}

/**
 * Scratch space for one story's terms: their ids in order of first sight, their frequencies and
 * then weights, and the order they are kept in.
 */
class StoryTerms {
  ids = new Int32Array(1024)
  weights = new Float64Array(1024)
  order = new Int32Array(1024)
  size = 0
  /** Strongest first, ties to the term met first in the story (the title, then the lead). */
  private readonly stronger = (a: number, b: number) =>
    (this.weights[b] ?? 0) - (this.weights[a] ?? 0) || a - b

  push(id: number, weight: number): void {
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.size * 2)
      ids.set(this.ids)
      this.ids = ids
      const weights = new Float64Array(this.size * 2)
      weights.set(this.weights)
      this.weights = weights
      this.order = new Int32Array(this.size * 2)
    }
    this.ids[this.size] = id
    this.weights[this.size++] = weight
  }

  /** The positions of the kept terms (weight not negative), strongest first. */
  ranked(): Int32Array {
    let kept = 0
    for (let i = 0; i < this.size; i++) if ((this.weights[i] ?? -1) >= 0) this.order[kept++] = i
    return this.order.subarray(0, kept).sort(this.stronger)
  }
}

/** The terms of the stories that do not fit in their vector's slots: (term, frequency) lists. */
class Overflow {
  /** Story `doc`'s list is [starts[doc], starts[doc + 1]). */
  readonly starts: Int32Array
  terms = new Int32Array(1 << 16)
  counts = new Float32Array(1 << 16)
  size = 0

  constructor(stories: number) {
    this.starts = new Int32Array(stories + 1)
  }

  push(term: number, count: number): void {
    if (this.size === this.terms.length) {
      const terms = new Int32Array(this.size * 2)
      terms.set(this.terms)
      this.terms = terms
      const counts = new Float32Array(this.size * 2)
      counts.set(this.counts)
      this.counts = counts
    }
    this.terms[this.size] = term
    this.counts[this.size++] = count
  }
}

/**
 * Reads every story once, the only pass over the text: counts the stories each term is in (the
 * result), writes each story's sketch, and keeps each story's terms with their frequencies (a
 * word of the title or a tag counts `titleWeight` times) in order of first sight, digits-only
 * terms left out: in the story's slots of `vectors` while they fit (the frequency in `weights`
 * until termVectors weighs it), the rest in `overflow`. No list of the story's words is kept.
 */
function readStories(
  stories: readonly RelatedText[],
  options: RelatedOptions,
  vectors: Vectors,
  overflow: Overflow,
): Int32Array {
  const K = options.vectorTerms
  const scanner = new StoryScanner(options.bodyWords)
  let df = new Int32Array(1024)
  let lastSeen = new Int32Array(1024).fill(-1)
  // The term's position in the story's list, -1 for a term left out.
  let position = new Int32Array(1024)
  const story = new StoryTerms()
  let doc = 0
  const add = (id: number, heading: boolean) => {
    if (id >= df.length) {
      df = grownInt32(df, id + 1)
      lastSeen = grownInt32(lastSeen, id + 1, -1)
      position = grownInt32(position, id + 1)
    }
    if (lastSeen[id] !== doc) {
      lastSeen[id] = doc
      df[id] = (df[id] ?? 0) + 1
      if (scanner.isNumeric(id)) position[id] = -1
      else {
        position[id] = story.size
        story.push(id, 0)
      }
    }
    const at = position[id] ?? -1
    if (at >= 0) story.weights[at] = (story.weights[at] ?? 0) + (heading ? options.titleWeight : 1)
  }
  const hashes = new Uint32Array(Math.max(1, options.bodyWords))
  for (; doc < stories.length; doc++) {
    const text = stories[doc]
    story.size = 0
    if (text !== undefined) scanner.scan(text, add)
    const body = scanner.body.subarray(0, text === undefined ? 0 : scanner.bodyCount)
    vectors.sketchLengths[doc] = writeSketch(body, hashes, vectors.sketches, doc * SKETCH)
    for (let i = 0; i < story.size; i++) {
      const id = story.ids[i] ?? 0
      const count = story.weights[i] ?? 0
      if (i < K) {
        vectors.terms[doc * K + i] = id
        vectors.weights[doc * K + i] = count
      } else overflow.push(id, count)
    }
    vectors.lengths[doc] = Math.min(story.size, K)
    overflow.starts[doc + 1] = overflow.size
  }
  vectors.vocabularySize = scanner.vocabularySize
  return df
}

/**
 * Each story's vector: its terms found in more than one story and at most `maxDocShare` of
 * them, weighted `(1 + ln tf) * idf ** idfPower`, the `vectorTerms` strongest kept, unit length.
 */
function termVectors(stories: readonly RelatedText[], options: RelatedOptions): Vectors {
  const n = stories.length
  const K = options.vectorTerms
  const vectors: Vectors = {
    terms: new Int32Array(n * K),
    weights: new Float32Array(n * K),
    lengths: new Int32Array(n),
    sketches: new Uint32Array(n * SKETCH),
    sketchLengths: new Uint8Array(n),
    vocabularySize: 0,
  }
  const overflow = new Overflow(n)
  const df = readStories(stories, options, vectors, overflow)
  const maxDf = Math.max(2, Math.floor(options.maxDocShare * n))
  const idf = (d: number) => (options.idfPower === 0 ? 1 : Math.log(n / d) ** options.idfPower)

  const story = new StoryTerms()
  for (let doc = 0; doc < n; doc++) {
    story.size = 0
    for (let k = doc * K; k < doc * K + (vectors.lengths[doc] ?? 0); k++) {
      story.push(vectors.terms[k] ?? 0, vectors.weights[k] ?? 0)
    }
    for (let o = overflow.starts[doc] ?? 0; o < (overflow.starts[doc + 1] ?? 0); o++) {
      story.push(overflow.terms[o] ?? 0, overflow.counts[o] ?? 0)
    }
    for (let i = 0; i < story.size; i++) {
      const d = df[story.ids[i] ?? 0] ?? 0
      const count = story.weights[i] ?? 0
      story.weights[i] = d >= 2 && d <= maxDf ? (1 + Math.log(count)) * idf(d) : -1
    }
    const ranked = story.ranked()
    const length = Math.min(ranked.length, K)
    let squares = 0
    for (let k = 0; k < length; k++) {
      const weight = story.weights[ranked[k] ?? 0] ?? 0
      squares += weight * weight
    }
    const norm = Math.sqrt(squares)
    for (let k = 0; k < length; k++) {
      const i = ranked[k] ?? 0
      vectors.terms[doc * K + k] = story.ids[i] ?? 0
      vectors.weights[doc * K + k] = (story.weights[i] ?? 0) / norm
    }
    vectors.lengths[doc] = length
  }
  return vectors
}

/** Postings per term over the stories' index terms, each list cut to its strongest stories. */
type Postings = { offsets: Int32Array; docs: Int32Array; weights: Float32Array }

function buildPostings(vectors: Vectors, n: number, options: RelatedOptions): Postings {
  const K = options.vectorTerms
  const Q = Math.min(options.indexTerms, K)
  const indexed = (doc: number) => Math.min(Q, vectors.lengths[doc] ?? 0)
  const starts = new Int32Array(vectors.vocabularySize + 1)
  for (let doc = 0; doc < n; doc++) {
    for (let k = 0; k < indexed(doc); k++) {
      const term = vectors.terms[doc * K + k] ?? 0
      starts[term + 1] = (starts[term + 1] ?? 0) + 1
    }
  }
  for (let t = 1; t < starts.length; t++) starts[t] = (starts[t - 1] ?? 0) + (starts[t] ?? 0)
  const fill = starts.slice(0, -1)
  const allDocs = new Int32Array(starts[starts.length - 1] ?? 0)
  const allWeights = new Float32Array(allDocs.length)
  for (let doc = 0; doc < n; doc++) {
    for (let k = 0; k < indexed(doc); k++) {
      const term = vectors.terms[doc * K + k] ?? 0
      const at = fill[term] ?? 0
      fill[term] = at + 1
      allDocs[at] = doc
      allWeights[at] = vectors.weights[doc * K + k] ?? 0
    }
  }
  // Keep the strongest `maxPostings` of each term (ties to the smaller doc), in doc order.
  const offsets = new Int32Array(starts.length)
  const docs = new Int32Array(allDocs.length)
  const weights = new Float32Array(allDocs.length)
  const cap = options.maxPostings
  let sorted = new Float32Array(0)
  let out = 0
  for (let t = 0; t < vectors.vocabularySize; t++) {
    offsets[t] = out
    const from = starts[t] ?? 0
    const to = starts[t + 1] ?? 0
    if (to - from <= cap) {
      docs.set(allDocs.subarray(from, to), out)
      weights.set(allWeights.subarray(from, to), out)
      out += to - from
      continue
    }
    // The cap-th greatest weight: all above it are kept, and the first of those equal to it.
    if (sorted.length < to - from) sorted = new Float32Array(to - from)
    const range = sorted.subarray(0, to - from)
    range.set(allWeights.subarray(from, to))
    const threshold = range.sort()[range.length - cap] ?? 0
    let ties = cap
    for (let at = from; at < to; at++) if ((allWeights[at] ?? 0) > threshold) ties--
    for (let at = from; at < to; at++) {
      const weight = allWeights[at] ?? 0
      if (weight < threshold || (weight === threshold && ties-- <= 0)) continue
      docs[out] = allDocs[at] ?? 0
      weights[out] = weight
      out++
    }
  }
  offsets[vectors.vocabularySize] = out
  return { offsets, docs: docs.slice(0, out), weights: weights.slice(0, out) }
}

/** Writes (or with `clear`, zeroes) a story's vector into a dense array over the vocabulary. */
function scatter(vectors: Vectors, K: number, doc: number, dense: Float64Array, clear = false) {
  for (let k = doc * K; k < doc * K + (vectors.lengths[doc] ?? 0); k++) {
    dense[vectors.terms[k] ?? 0] = clear ? 0 : (vectors.weights[k] ?? 0)
  }
}

/** The cosine of a story's vector, scattered into `dense`, and another's (both unit length). */
function cosine(vectors: Vectors, K: number, dense: Float64Array, other: number): number {
  let sum = 0
  for (let k = other * K; k < other * K + (vectors.lengths[other] ?? 0); k++) {
    sum += (dense[vectors.terms[k] ?? 0] ?? 0) * (vectors.weights[k] ?? 0)
  }
  return sum
}

/**
 * Keeps the best `width` of the first `count` stories of `touched` by `scores` (ties to the
 * smaller index) in `best`, best first; stories under `floor` are left out.
 */
function selectBest(
  touched: ArrayLike<number>,
  count: number,
  scores: Float64Array,
  width: number,
  floor: number,
  best: number[],
): void {
  best.length = 0
  // The score of the worst kept once `best` is full: most stories fall below it.
  let worst = -Infinity
  for (let t = 0; t < count; t++) {
    const doc = touched[t] ?? 0
    const score = scores[doc] ?? 0
    if (score < floor || score < worst) continue
    if (best.length === width) {
      const last = best[width - 1] ?? 0
      if (score === worst && doc >= last) continue
    }
    let at = Math.min(best.length, width - 1)
    while (at > 0) {
      const prev = best[at - 1] ?? 0
      const other = scores[prev] ?? 0
      if (score < other || (score === other && doc >= prev)) break
      best[at] = prev
      at--
    }
    best[at] = doc
    if (best.length === width) worst = scores[best[width - 1] ?? 0] ?? 0
  }
}

/** Each story's nearest candidates by cosine, best first: `candidates` slots each. */
type Neighbours = { docs: Int32Array; scores: Float64Array; lengths: Int32Array }

function nearestCandidates(
  vectors: Vectors,
  postings: Postings,
  n: number,
  options: RelatedOptions,
): Neighbours {
  const K = options.vectorTerms
  const Q = Math.min(options.indexTerms, K)
  const C = options.candidates
  const result: Neighbours = {
    docs: new Int32Array(n * C),
    scores: new Float64Array(n * C),
    lengths: new Int32Array(n),
  }
  const scores = new Float64Array(n)
  const dense = new Float64Array(vectors.vocabularySize)
  // A story is touched once per posting at most: that bounds the list.
  const touched = new Int32Array(Math.max(C, Q * Math.min(n, options.maxPostings)))
  const best: number[] = []
  const { offsets, docs, weights } = postings
  for (let doc = 0; doc < n; doc++) {
    let count = 0
    const indexed = Math.min(Q, vectors.lengths[doc] ?? 0)
    for (let k = doc * K; k < doc * K + indexed; k++) {
      const term = vectors.terms[k] ?? 0
      const weight = vectors.weights[k] ?? 0
      const end = offsets[term + 1] ?? 0
      for (let p = offsets[term] ?? 0; p < end; p++) {
        const other = docs[p] ?? 0
        if (other === doc) continue
        const score = scores[other] ?? 0
        if (score === 0) touched[count++] = other
        scores[other] = score + weight * (weights[p] ?? 0)
      }
    }
    selectBest(touched, count, scores, C, 0, best)
    for (let t = 0; t < count; t++) scores[touched[t] ?? 0] = 0
    // The full cosine of the best by partial score.
    scatter(vectors, K, doc, dense)
    for (const other of best) scores[other] = cosine(vectors, K, dense, other)
    scatter(vectors, K, doc, dense, true)
    count = 0
    for (const other of best) touched[count++] = other
    selectBest(touched, count, scores, C, Number.MIN_VALUE, best)
    best.forEach((other, i) => {
      result.docs[doc * C + i] = other
      result.scores[doc * C + i] = scores[other] ?? 0
    })
    result.lengths[doc] = best.length
    for (let t = 0; t < count; t++) scores[touched[t] ?? 0] = 0
  }
  return result
}

/**
 * For each story (in the order given), the indices of its related stories, best first: at most
 * `limit`, none when nothing reaches `minScore`, never a near-duplicate of it or of one another.
 */
export function relatedStories(
  stories: readonly RelatedText[],
  overrides: Partial<RelatedOptions> = {},
): number[][] {
  const options = { ...RELATED_DEFAULTS, ...overrides }
  const n = stories.length
  // Visit in id order, so that the result does not depend on the order given.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const x = stories[a]?.id ?? ''
    const y = stories[b]?.id ?? ''
    return x < y ? -1 : x > y ? 1 : a - b
  })
  const sorted = order.flatMap((i) => stories[i] ?? [])
  const vectors = termVectors(sorted, options)
  const postings = buildPostings(vectors, n, options)
  const near = nearestCandidates(vectors, postings, n, options)

  const C = options.candidates
  const scores = new Float64Array(n)
  const touched: number[] = []
  const best: number[] = []
  const result: number[][] = Array.from({ length: n }, () => [])
  const add = (other: number, value: number) => {
    if (scores[other] === 0) touched.push(other)
    scores[other] = (scores[other] ?? 0) + value
  }
  const { sketches, sketchLengths } = vectors
  const copies = (a: number, b: number) =>
    resemblance(
      sketches,
      a * SKETCH,
      a * SKETCH + (sketchLengths[a] ?? 0),
      sketches,
      b * SKETCH,
      b * SKETCH + (sketchLengths[b] ?? 0),
    ) >= options.duplicateResemblance
  for (let doc = 0; doc < n; doc++) {
    const length = near.lengths[doc] ?? 0
    for (let i = 0; i < length; i++) {
      add(near.docs[doc * C + i] ?? 0, near.scores[doc * C + i] ?? 0)
    }
    // Second order: what the story's nearest stories find near them.
    for (let i = 0; i < Math.min(options.neighbours, length); i++) {
      const via = near.docs[doc * C + i] ?? 0
      const weight = options.secondOrder * (near.scores[doc * C + i] ?? 0)
      for (let j = 0; j < (near.lengths[via] ?? 0); j++) {
        const other = near.docs[via * C + j] ?? 0
        if (other !== doc) add(other, weight * (near.scores[via * C + j] ?? 0))
      }
    }
    selectBest(touched, touched.length, scores, options.limit * 2 + 2, options.minScore, best)
    for (const other of touched) scores[other] = 0
    touched.length = 0

    const chosen: number[] = []
    for (const other of best) {
      if (chosen.length === options.limit) break
      if (copies(doc, other) || chosen.some((c) => copies(c, other))) continue
      chosen.push(other)
    }
    result[order[doc] ?? 0] = chosen.map((c) => order[c] ?? 0)
  }
  return result
}
