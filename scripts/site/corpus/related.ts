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
 *
 * Near-duplicates (the same wire story published twice) are not related: each story keeps a
 * bottom-k sketch of the hashes of its body's word 5-grams, and a candidate whose estimated
 * resemblance (Jaccard of the 5-gram sets) with the story, or with a story already chosen, reaches
 * `duplicateResemblance` is passed over.
 *
 * Deterministic: stories are visited in id order whatever order they come in, and ties go to the
 * smaller id.
 */
import { scanWords, termAt } from '../../../src/lib/search/normalize.ts'
import type { Article } from '../../../src/lib/corpus/types.ts'

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

/**
 * Term ids for term strings, in order of first sight, and for each whether it is digits alone.
 */
class Vocabulary {
  readonly ids = new Map<string, number>()
  numeric = new Uint8Array(1024)
  idOf(term: string): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      id = this.ids.size
      this.ids.set(term, id)
      if (id >= this.numeric.length) {
        const grown = new Uint8Array(this.numeric.length * 2)
        grown.set(this.numeric)
        this.numeric = grown
      }
      this.numeric[id] = DIGITS.test(term) ? 1 : 0
    }
    return id
  }
  get size(): number {
    return this.ids.size
  }
}

/**
 * Calls `onTerm` with the id of each term of the story's title and tags (heading true), then of
 * the first `bodyWords` words of its body.
 */
function scanStory(
  story: RelatedText,
  vocabulary: Vocabulary,
  bodyWords: number,
  onTerm: (id: number, heading: boolean) => void,
): void {
  let words = 0
  const scan = (text: string, heading: boolean) =>
    scanWords(text, (start, end, ascii) => {
      if (!heading && words >= bodyWords) return false
      const term = termAt(text, start, end, ascii)
      if (term === '') return true
      if (!heading) words++
      onTerm(vocabulary.idOf(term), heading)
      return true
    })
  scan(story.title, true)
  for (const tag of story.tags) scan(tag, true)
  for (const paragraph of story.paragraphs) {
    if (words >= bodyWords) break
    scan(paragraph, false)
  }
}

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

/** A 32-bit hash of the SHINGLE term ids in `ring`, oldest at `at`. */
function shingleHash(ring: Int32Array, at: number): number {
  let h = 0x811c9dc5
  for (let k = 0; k < SHINGLE; k++) {
    h = Math.imul(h ^ (ring[(at + k) % SHINGLE] ?? 0), 0x01000193)
    h ^= h >>> 15
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  return (h ^ (h >>> 13)) >>> 0
}

/** The bottom-k sketch (ascending) of the 5-grams of `ids` (of the whole when shorter than 5). */
export function shingleSketch(ids: Int32Array): Uint32Array {
  const ring = new Int32Array(SHINGLE)
  const hashes = new Uint32Array(Math.max(1, ids.length - SHINGLE + 1))
  let count = 0
  ids.forEach((id, i) => {
    ring[i % SHINGLE] = id
    if (i + 1 >= SHINGLE) hashes[count++] = shingleHash(ring, (i + 1) % SHINGLE)
  })
  if (count === 0 && ids.length > 0) hashes[count++] = shingleHash(ring, 0)
  const sorted = hashes.subarray(0, count).sort()
  const sketch = new Uint32Array(Math.min(SKETCH, count))
  let n = 0
  for (let i = 0; i < sorted.length && n < sketch.length; i++) {
    const h = sorted[i] ?? 0
    if (n === 0 || sketch[n - 1] !== h) sketch[n++] = h
  }
  return sketch.slice(0, n)
}

/**
 * The resemblance of two stories estimated from their bottom-k sketches: the share of the k
 * smallest hashes of the union that both hold.
 */
export function sketchResemblance(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let seen = 0
  let both = 0
  while (seen < SKETCH && (i < a.length || j < b.length)) {
    const x = a[i] ?? Infinity
    const y = b[j] ?? Infinity
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
 * `indexTerms` are the story's index terms), and each story's 5-gram sketch.
 */
type Vectors = {
  terms: Int32Array
  weights: Float32Array
  lengths: Int32Array
  sketches: Uint32Array[]
  vocabularySize: number
}

function documentFrequencies(
  stories: readonly RelatedText[],
  vocabulary: Vocabulary,
  bodyWords: number,
): Int32Array {
  let df = new Int32Array(1024)
  let lastSeen = new Int32Array(1024).fill(-1)
  stories.forEach((story, doc) =>
    scanStory(story, vocabulary, bodyWords, (id) => {
      df = grownInt32(df, id + 1)
      lastSeen = grownInt32(lastSeen, id + 1, -1)
      if (lastSeen[id] !== doc) {
        lastSeen[id] = doc
        df[id] = (df[id] ?? 0) + 1
      }
    }),
  )
  return df
}

function termVectors(stories: readonly RelatedText[], options: RelatedOptions): Vectors {
  const n = stories.length
  const vocabulary = new Vocabulary()
  const df = documentFrequencies(stories, vocabulary, options.bodyWords)
  const maxDf = Math.max(2, Math.floor(options.maxDocShare * n))
  const idf = (d: number) => (options.idfPower === 0 ? 1 : Math.log(n / d) ** options.idfPower)

  const K = options.vectorTerms
  const vectors: Vectors = {
    terms: new Int32Array(n * K),
    weights: new Float32Array(n * K),
    lengths: new Int32Array(n),
    sketches: [],
    vocabularySize: vocabulary.size,
  }
  const tf = new Float64Array(vocabulary.size)
  const touched: number[] = []
  let body = new Int32Array(1024)
  let bodyCount = 0
  const kept: { id: number; weight: number; first: number }[] = []
  stories.forEach((story, doc) => {
    bodyCount = 0
    scanStory(story, vocabulary, options.bodyWords, (id, heading) => {
      if (tf[id] === 0) touched.push(id)
      tf[id] = (tf[id] ?? 0) + (heading ? options.titleWeight : 1)
      if (!heading) {
        body = grownInt32(body, bodyCount + 1)
        body[bodyCount++] = id
      }
    })
    kept.length = 0
    touched.forEach((id, first) => {
      const d = df[id] ?? 0
      const count = tf[id] ?? 0
      tf[id] = 0
      if (d < 2 || d > maxDf || vocabulary.numeric[id] === 1) return
      kept.push({ id, weight: (1 + Math.log(count)) * idf(d), first })
    })
    touched.length = 0
    // Strongest first, ties to the term met first in the story (the title, then the lead).
    kept.sort((a, b) => b.weight - a.weight || a.first - b.first)
    kept.length = Math.min(kept.length, K)
    const norm = Math.sqrt(kept.reduce((sum, c) => sum + c.weight * c.weight, 0))
    kept.forEach((c, k) => {
      vectors.terms[doc * K + k] = c.id
      vectors.weights[doc * K + k] = c.weight / norm
    })
    vectors.lengths[doc] = kept.length
    vectors.sketches.push(shingleSketch(body.subarray(0, bodyCount)))
  })
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
  let out = 0
  for (let t = 0; t < vectors.vocabularySize; t++) {
    offsets[t] = out
    const from = starts[t] ?? 0
    const to = starts[t + 1] ?? 0
    let order = Array.from({ length: to - from }, (_, i) => from + i)
    if (order.length > options.maxPostings) {
      order = order
        .sort((a, b) => (allWeights[b] ?? 0) - (allWeights[a] ?? 0) || a - b)
        .slice(0, options.maxPostings)
        .sort((a, b) => a - b)
    }
    for (const at of order) {
      docs[out] = allDocs[at] ?? 0
      weights[out] = allWeights[at] ?? 0
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
 * Keeps the best `width` of the stories in `touched` by `scores` (ties to the smaller index) in
 * `best`, best first; stories under `floor` are left out.
 */
function selectBest(
  touched: readonly number[],
  scores: Float64Array,
  width: number,
  floor: number,
  best: number[],
): void {
  best.length = 0
  const better = (a: number, b: number) =>
    (scores[a] ?? 0) > (scores[b] ?? 0) || ((scores[a] ?? 0) === (scores[b] ?? 0) && a < b)
  for (const doc of touched) {
    if ((scores[doc] ?? 0) < floor) continue
    if (best.length === width && !better(doc, best[width - 1] ?? 0)) continue
    let at = Math.min(best.length, width - 1)
    best[at] = doc
    while (at > 0 && better(doc, best[at - 1] ?? 0)) {
      best[at] = best[at - 1] ?? 0
      best[--at] = doc
    }
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
  const touched: number[] = []
  const best: number[] = []
  for (let doc = 0; doc < n; doc++) {
    for (let k = 0; k < Math.min(Q, vectors.lengths[doc] ?? 0); k++) {
      const term = vectors.terms[doc * K + k] ?? 0
      const weight = vectors.weights[doc * K + k] ?? 0
      const end = postings.offsets[term + 1] ?? 0
      for (let p = postings.offsets[term] ?? 0; p < end; p++) {
        const other = postings.docs[p] ?? 0
        if (other === doc) continue
        if (scores[other] === 0) touched.push(other)
        scores[other] = (scores[other] ?? 0) + weight * (postings.weights[p] ?? 0)
      }
    }
    selectBest(touched, scores, C, 0, best)
    for (const other of touched) scores[other] = 0
    touched.length = 0
    // The full cosine of the best by partial score.
    scatter(vectors, K, doc, dense)
    for (const other of best) scores[other] = cosine(vectors, K, dense, other)
    scatter(vectors, K, doc, dense, true)
    touched.push(...best)
    selectBest(touched, scores, C, Number.MIN_VALUE, best)
    best.forEach((other, i) => {
      result.docs[doc * C + i] = other
      result.scores[doc * C + i] = scores[other] ?? 0
    })
    result.lengths[doc] = best.length
    for (const other of touched) scores[other] = 0
    touched.length = 0
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
  const near = nearestCandidates(vectors, buildPostings(vectors, n, options), n, options)

  const C = options.candidates
  const scores = new Float64Array(n)
  const touched: number[] = []
  const best: number[] = []
  const result: number[][] = Array.from({ length: n }, () => [])
  const add = (other: number, value: number) => {
    if (scores[other] === 0) touched.push(other)
    scores[other] = (scores[other] ?? 0) + value
  }
  const sketchOf = (doc: number) => vectors.sketches[doc] ?? new Uint32Array(0)
  const copies = (a: number, b: number) =>
    sketchResemblance(sketchOf(a), sketchOf(b)) >= options.duplicateResemblance
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
    selectBest(touched, scores, options.limit * 2 + 2, options.minScore, best)
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
