/**
 * The query engine over the static index written by scripts/site/search-index/emit-search-index.ts (file
 * layouts in index-format.ts).
 *
 * `load(path)` fetches a file relative to the versioned data folder and must return:
 *   - the bytes (a Uint8Array, as fetched: the engine inflates them) for `search/*.bin` files;
 *   - the parsed JSON for `.json` files (the engine reads `articles/<xx>/<id>.json` for the
 *     excerpts of the results it shows, and checks their shape).
 * Everything loaded is kept (decoded) for the engine's lifetime; a load that fails rejects the
 * search and is forgotten, so the next search loads that file again (Retry works).
 *
 * A search loads the root, the term shards of its words, the word-pair shards of its adjacent
 * words, the typo shards of words it must correct, and for each result shown its document chunk
 * and its article file. Nothing is loaded for an empty query.
 */
import { dataPaths } from '../corpus/compiled.ts'
import { bestExcerpt, highlightRanges, termMatcher, tokensOf, type Highlight } from './excerpt.ts'
import {
  IndexFormatError,
  TYPO_MIN_LENGTH,
  hashString,
  idf,
  pairFingerprint,
  pairShardKey,
  searchPaths,
  typoGroupKeys,
} from './index-format.ts'
import {
  PairShard,
  TermShard,
  isArticleText,
  readDocChunk,
  readLongMeta,
  readRanks,
  readRoot,
  readTypoShard,
  termShardOf,
  type ArticleText,
  type DocChunk,
  type DocMeta,
  type Postings,
  type Root,
  type TypoEntry,
} from './index-reader.ts'
import { yieldToMain } from '../yield-to-main.ts'
import { tokenize } from './normalize.ts'
import { parseQuery, type ParsedQuery, type QueryWord } from './query.ts'
import { distanceFrom, maxTypoDistance } from './typo.ts'

export { highlightRanges }
export type { Highlight }

export type SearchSort = 'relevance' | 'newest'
export type SearchOptions = {
  source: string | null
  sort: SearchSort
  limit: number
  /** Correct typos when the words as typed find nothing (default true; false: "search instead"). */
  correct?: boolean
}
export type SearchHit = {
  id: string
  slug: string
  title: string
  source: string | null
  sourceSlug: string | null
  date: string | null
  /** Offsets into `title`. */
  titleHighlights: Highlight[]
  /** A passage around the best match (about 200 characters, cut at words, '…' where cut). */
  excerpt: string
  /** Offsets into `excerpt`. */
  excerptHighlights: Highlight[]
}
export type SearchResult = {
  /** The query as given. */
  query: string
  /** The query actually searched when a typo was corrected, else null. */
  correctedQuery: string | null
  /** Matches, after the source filter. */
  total: number
  /** The first `limit` matches in the chosen order. */
  hits: SearchHit[]
  /** Matches per source, before the source filter. */
  sources: Array<{ name: string; slug: string; count: number }>
  /** The normalised terms searched (to highlight in the article view). */
  terms: string[]
  /** The last term, when it was matched as a prefix too. */
  prefixTerm: string | null
}
export type SearchEngine = {
  search(query: string, options: SearchOptions, signal?: AbortSignal): Promise<SearchResult>
  /** Loads the index's root, which every search reads first, ahead of the first query. */
  prepare(): Promise<void>
}

/** Completions of the last word searched besides the word itself, the most frequent first. */
const PREFIX_EXPANSIONS = 8
/** A last word shorter than this is not completed (`'s`, a first letter typed). */
const PREFIX_MIN_LENGTH = 2
/** Term shards read to complete a short prefix, at most. */
const PREFIX_SHARDS = 3
/** Weight of a completion of the last word against the word itself. */
const PREFIX_WEIGHT = 0.5
/** Weights of corrections at edit distance 1 and 2. */
const FUZZY_WEIGHT = [1, 0.7, 0.5] as const
/** Corrections tried per word, and words corrected per query, at most. */
const CORRECTIONS_PER_WORD = 5
const CORRECTED_WORDS = 3
/**
 * A query of one word found in at most RARE_DF articles may be a typo: its corrections at least
 * RARE_FACTOR times as frequent are searched too.
 */
const RARE_DF = 2
const RARE_FACTOR = 20
/** Forms of a word (itself, corrections) whose pairs with its neighbours are looked up, at most. */
const PAIR_FORMS = 2
/** Weight of two query words found side by side, in the query's order, times the pair's idf. */
const PAIR_WEIGHT = 1
/** Weight of the query's words found in the title, times their idf and the share found there squared. */
const TITLE_COVER_WEIGHT = 4
/** Weight of the query's words side by side in its order, times their idf and the share squared. */
const PHRASE_COVER_WEIGHT = 4
/** Results checked against their text for the whole query as a phrase (3 words or more). */
const RERANK_WINDOW = 10
/** Article files kept in memory, at most; and shards of each kind. */
const ARTICLE_CACHE = 300
const SHARD_CACHE = 400
/** Added to the sort key of matches that need no correction, so they come first. */
const TYPED_FIRST = 1e9
/** Results returned by one search, at most, whatever `limit` says (each costs a file). */
export const MAX_LIMIT = 100

type Alternative = {
  term: string
  kind: 'exact' | 'prefix' | 'fuzzy'
  weight: number
  postings: Postings
}

type Slot = {
  term: string
  /** The index of its first word. */
  word: number
  quoted: boolean
  /** Document frequency of the exact term (0: not in the corpus). */
  df: number
  alternatives: Alternative[]
}

/**
 * A slot's documents, merged over its alternatives: the best score, which alternative gave it, and
 * that alternative's idf when the word is in the document's title (else 0).
 */
type SlotList = { docs: Int32Array; scores: Float64Array; choice: Uint8Array; title: Float64Array }

type PairList = { docs: Int32Array; bonus: number }

type LoadedDoc = { meta: DocMeta; paragraphs: readonly string[] | null }

function makeHit(
  { meta, paragraphs }: LoadedDoc,
  terms: readonly string[],
  groups: ReadonlyMap<string, number>,
  prefixTerm: string | null,
): SearchHit {
  const excerpt = paragraphs
    ? bestExcerpt(paragraphs, termMatcher(groups, prefixTerm), meta.excerpt)
    : { excerpt: meta.excerpt, highlights: highlightRanges(meta.excerpt, terms, prefixTerm) }
  return {
    id: meta.id,
    slug: meta.slug,
    title: meta.title,
    source: meta.source,
    sourceSlug: meta.sourceSlug,
    date: meta.date,
    titleHighlights: highlightRanges(meta.title, terms, prefixTerm),
    excerpt: excerpt.excerpt,
    excerptHighlights: excerpt.highlights,
  }
}

/**
 * True when the text has the query's words one after the other, in its order (each word in any
 * of its searched forms; the last may be a prefix).
 */
function hasPhrase(
  { meta, paragraphs }: LoadedDoc,
  forms: ReadonlyArray<ReadonlySet<string>>,
  prefix: string | null,
): boolean {
  const n = forms.length
  const matches = (term: string, w: number) =>
    forms[w]?.has(term) === true || (w === n - 1 && prefix !== null && term.startsWith(prefix))
  const texts = [
    [tokenize(meta.title)],
    paragraphs ? tokensOf(paragraphs) : [tokenize(meta.excerpt)],
  ]
  for (const tokens of texts.flat()) {
    for (let i = 0; i + n <= tokens.length; i++) {
      let w = 0
      while (w < n && matches(tokens[i + w]?.term ?? '', w)) w++
      if (w === n) return true
    }
  }
  return false
}

const EMPTY_SOURCES: SearchResult['sources'] = []

function emptyResult(query: string): SearchResult {
  return {
    query,
    correctedQuery: null,
    total: 0,
    hits: [],
    sources: EMPTY_SOURCES,
    terms: [],
    prefixTerm: null,
  }
}

/**
 * A cache of loaded files (least recently used forgotten past `max`) that forgets failures, so
 * that a later call loads the file again.
 */
class FileCache<T> {
  private readonly entries = new Map<string, Promise<T>>()
  private readonly fetch: (path: string) => Promise<T>
  private readonly max: number
  constructor(fetch: (path: string) => Promise<T>, max = Infinity) {
    this.fetch = fetch
    this.max = max
  }

  get(path: string): Promise<T> {
    const hit = this.entries.get(path)
    if (hit) {
      // Most recently used last: the first entry is the one to forget when full.
      this.entries.delete(path)
      this.entries.set(path, hit)
      return hit
    }
    const promise = this.fetch(path)
    this.entries.set(path, promise)
    promise.catch(() => {
      if (this.entries.get(path) === promise) this.entries.delete(path)
    })
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    return promise
  }
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(data)])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError')
  }
}

/** Slot lists of words alone in their slot, by their postings (and weight). */
const singleLists = new WeakMap<Postings, { weight: number; list: SlotList }>()

/** Merges the alternatives of a slot into one list sorted by document, keeping the best score. */
function mergeSlot(slot: Slot, root: Root): SlotList {
  const step = root.scoreStep
  const alts = slot.alternatives
  const idfs = alts.map((a) => idf(root.docs, a.postings.docs.length) * a.weight)
  const only = alts[0]
  if (alts.length === 1 && only) {
    // A word alone in its slot (the usual case): its list is kept with its postings.
    const cached = singleLists.get(only.postings)
    if (cached && cached.weight === only.weight) return cached.list
    const { docs, scores, inTitle } = only.postings
    const out = new Float64Array(docs.length)
    const title = new Float64Array(docs.length)
    const factor = only.weight * step
    const weight = idfs[0] ?? 0
    for (let i = 0; i < docs.length; i++) {
      out[i] = (scores[i] ?? 0) * factor
      if (inTitle[i]) title[i] = weight
    }
    const list = { docs, scores: out, choice: new Uint8Array(docs.length), title }
    singleLists.set(only.postings, { weight: only.weight, list })
    return list
  }
  // Several alternatives: best score per document over a dense scratch array. A document the
  // word itself (or a completion) matches never counts as matched by a correction.
  const best = new Float64Array(root.docs)
  const which = new Uint8Array(root.docs)
  const typed = new Uint8Array(root.docs)
  const seen: number[] = []
  for (const fuzzy of [false, true]) {
    alts.forEach((alt, k) => {
      if ((alt.kind === 'fuzzy') !== fuzzy) return
      const { docs, scores } = alt.postings
      const factor = step * alt.weight
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] ?? 0
        if (fuzzy && typed[doc]) continue
        if (!fuzzy) typed[doc] = 1
        const score = (scores[i] ?? 0) * factor
        const before = best[doc] ?? 0
        if (before === 0) seen.push(doc)
        if (score > before) {
          best[doc] = score
          which[doc] = k
        }
      }
    })
  }
  const docs = Int32Array.from(seen).sort()
  const scores = new Float64Array(docs.length)
  const choice = new Uint8Array(docs.length)
  const title = new Float64Array(docs.length)
  const positions = alts.map(() => 0)
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i] ?? 0
    const k = which[doc] ?? 0
    scores[i] = best[doc] ?? 0
    choice[i] = k
    const alt = alts[k]
    if (alt) {
      const p = gallop(alt.postings.docs, positions[k] ?? 0, doc)
      positions[k] = p
      if (alt.postings.inTitle[p]) title[i] = idfs[k] ?? 0
    }
  }
  return { docs, scores, choice, title }
}

/** The first index >= from whose value is >= target (the array is sorted). */
function gallop(docs: Int32Array, from: number, target: number): number {
  let lo = from
  let step = 1
  let hi = from
  while (hi < docs.length && (docs[hi] ?? 0) < target) {
    lo = hi + 1
    hi += step
    step *= 2
  }
  hi = Math.min(hi, docs.length)
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((docs[mid] ?? 0) < target) lo = mid + 1
    else hi = mid
  }
  return lo
}

type Matches = {
  docs: Int32Array
  scores: Float64Array
  /** choice[slot][i]: the alternative of slot that matched docs[i]. */
  choices: Uint8Array[]
}

/** Documents in every slot list and every required list, scored: slot scores plus pair bonuses. */
function intersect(
  lists: readonly SlotList[],
  required: readonly Int32Array[],
  pairs: ReadonlyArray<readonly PairList[]>,
  phrase: { positions: number; weight: number } = { positions: 0, weight: 0 },
): Matches {
  const order = lists
    .map((_, i) => i)
    .sort((a, b) => {
      return (lists[a]?.docs.length ?? 0) - (lists[b]?.docs.length ?? 0)
    })
  const firstIndex = order[0]
  const first = firstIndex === undefined ? undefined : lists[firstIndex]
  if (!first) return { docs: new Int32Array(0), scores: new Float64Array(0), choices: [] }
  const pos = lists.map(() => 0)
  const reqPos = required.map(() => 0)
  const room = first.docs.length
  const found = new Int32Array(room)
  const out = new Float64Array(room)
  const picks = lists.map(() => new Uint8Array(room))
  let n = 0
  outer: for (let i = 0; i < first.docs.length; i++) {
    const doc = first.docs[i] ?? 0
    for (let r = 0; r < required.length; r++) {
      const list = required[r]
      if (!list) continue
      const p = gallop(list, reqPos[r] ?? 0, doc)
      reqPos[r] = p
      if (list[p] !== doc) continue outer
    }
    let score = 0
    let titleWords = 0
    let titleIdf = 0
    for (const s of order) {
      const list = lists[s]
      if (!list) continue
      const p = s === firstIndex ? i : gallop(list.docs, pos[s] ?? 0, doc)
      pos[s] = p
      if (list.docs[p] !== doc) continue outer
      score += list.scores[p] ?? 0
      const t = list.title[p] ?? 0
      if (t > 0) {
        titleWords++
        titleIdf += t
      }
    }
    // The query's words together in the title: a short field, so they stand close together.
    const cover = titleWords / lists.length
    score += TITLE_COVER_WEIGHT * cover * cover * titleIdf
    for (let s = 0; s < lists.length; s++) {
      const pick = picks[s]
      if (pick) pick[n] = lists[s]?.choice[pos[s] ?? 0] ?? 0
    }
    found[n] = doc
    out[n] = score
    n++
  }
  const docs = found.subarray(0, n)
  // Side by side, in the query's order: the best pair bonus at each position, and the share of
  // positions with a pair, squared (the whole query as a phrase counts most).
  const together = new Float64Array(docs.length)
  for (const position of pairs) {
    const best = new Float64Array(docs.length)
    for (const pair of position) {
      let p = 0
      for (let i = 0; i < docs.length; i++) {
        p = gallop(pair.docs, p, docs[i] ?? 0)
        if (p >= pair.docs.length) break
        if (pair.docs[p] === docs[i] && pair.bonus > (best[i] ?? 0)) best[i] = pair.bonus
      }
    }
    for (let i = 0; i < docs.length; i++) {
      out[i] = (out[i] ?? 0) + (best[i] ?? 0)
      if ((best[i] ?? 0) > 0) together[i] = (together[i] ?? 0) + 1
    }
  }
  if (phrase.positions > 0) {
    for (let i = 0; i < docs.length; i++) {
      const share = (together[i] ?? 0) / phrase.positions
      out[i] = (out[i] ?? 0) + PHRASE_COVER_WEIGHT * share * share * phrase.weight
    }
  }
  return {
    docs,
    scores: out.subarray(0, n),
    choices: picks.map((p) => p.subarray(0, n)),
  }
}

/**
 * Indices of the `k` highest keys, highest first; equal keys ordered by `before`. A heap of k, so
 * the work is linear in the number of matches.
 */
function topK(keys: Float64Array, k: number, before: (a: number, b: number) => boolean): number[] {
  if (k <= 0) return []
  const better = (a: number, b: number) => {
    const ka = keys[a] ?? 0
    const kb = keys[b] ?? 0
    return ka !== kb ? ka > kb : before(a, b)
  }
  // A min-heap (by `better`) of the best k seen.
  const heap: number[] = []
  const swap = (i: number, j: number) => {
    const t = heap[i] ?? 0
    heap[i] = heap[j] ?? 0
    heap[j] = t
  }
  for (let i = 0; i < keys.length; i++) {
    if (heap.length < k) {
      heap.push(i)
      for (let c = heap.length - 1; c > 0;) {
        const parent = (c - 1) >> 1
        if (!better(heap[parent] ?? 0, heap[c] ?? 0)) break
        swap(c, parent)
        c = parent
      }
      continue
    }
    const worst = heap[0] ?? 0
    // Most matches lose to the worst kept on the key alone: no call.
    if ((keys[i] ?? 0) < (keys[worst] ?? 0) || !better(i, worst)) continue
    heap[0] = i
    for (let c = 0; ;) {
      const l = 2 * c + 1
      const r = l + 1
      let m = c
      if (l < heap.length && better(heap[m] ?? 0, heap[l] ?? 0)) m = l
      if (r < heap.length && better(heap[m] ?? 0, heap[r] ?? 0)) m = r
      if (m === c) break
      swap(c, m)
      c = m
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
}

/** True for a word worth correcting: long enough, letters only. */
function correctable(term: string): boolean {
  return Array.from(term).length >= TYPO_MIN_LENGTH && /^\p{L}+$/u.test(term)
}

export function createSearchEngine(
  load: (path: string) => Promise<Uint8Array | unknown>,
): SearchEngine {
  const loadBytes = async (path: string): Promise<Uint8Array> => {
    const value = await load(path)
    const bytes =
      value instanceof Uint8Array
        ? value
        : value instanceof ArrayBuffer
          ? new Uint8Array(value)
          : null
    if (!bytes) throw new IndexFormatError(`${path}: expected the file's bytes`)
    const inflated = await inflate(bytes)
    // Decoding the file is a task of its own, apart from the decompression's last step: each is
    // short, and on a page still starting (a shared search link) together they were not.
    await yieldToMain()
    return inflated
  }
  const roots = new FileCache(async (path) => {
    const root = readRoot(await loadBytes(path))
    // Approximate recency of each document (0 newest, 1 oldest within its source), to order ties.
    const recency = new Float32Array(root.docs)
    for (const range of [...root.sources, root.unsourced]) {
      for (let i = 0; i < range.count; i++) recency[range.start + i] = (i + 0.5) / range.count
    }
    return { ...root, recency }
  })
  const termShards = new FileCache(
    async (path) => new TermShard(await loadBytes(path)),
    SHARD_CACHE,
  )
  const pairShards = new FileCache(
    async (path) => new PairShard(await loadBytes(path)),
    SHARD_CACHE,
  )
  const typoShards = new FileCache(
    async (path) => readTypoShard(await loadBytes(path)),
    SHARD_CACHE,
  )
  const docChunks = new FileCache(async (path): Promise<DocChunk> => {
    const root = await roots.get(searchPaths.root())
    const n = Number(/(\d+)\.bin$/.exec(path)?.[1] ?? 0)
    const count = Math.min(root.docChunk, root.docs - n * root.docChunk)
    return readDocChunk(await loadBytes(path), count)
  })
  const longMetas = new FileCache(async (path) => readLongMeta(await loadBytes(path)))
  const rankFiles = new FileCache(async (path) => {
    const root = await roots.get(searchPaths.root())
    return readRanks(await loadBytes(path), root)
  })
  const articles = new FileCache(async (path): Promise<ArticleText> => {
    const value = await load(path)
    if (!isArticleText(value)) throw new IndexFormatError(`${path}: not an article`)
    return value
  }, ARTICLE_CACHE)

  type LoadedRoot = Root & { recency: Float32Array }

  /** The postings of a term, or null when the corpus does not have it. */
  const lookupTerm = async (
    root: LoadedRoot,
    term: string,
  ): Promise<{ df: number; postings: Postings } | null> => {
    const shard = await termShards.get(searchPaths.termShard(termShardOf(root, term)))
    const i = shard.indexOf(term)
    return i < 0 ? null : { df: shard.df[i] ?? 0, postings: shard.postings(i) }
  }

  /** The most frequent words that start with `prefix` (the word itself excluded). */
  const completions = async (root: LoadedRoot, prefix: string): Promise<Alternative[]> => {
    const first = termShardOf(root, prefix)
    const last = Math.min(termShardOf(root, `${prefix}\uffff`), first + PREFIX_SHARDS - 1)
    const shards = await Promise.all(
      Array.from({ length: last - first + 1 }, (_, k) =>
        termShards.get(searchPaths.termShard(first + k)),
      ),
    )
    const found: Array<{ shard: TermShard; i: number; df: number }> = []
    for (const shard of shards) {
      for (const i of shard.withPrefix(prefix)) {
        if (shard.terms[i] !== prefix) found.push({ shard, i, df: shard.df[i] ?? 0 })
      }
    }
    found.sort((a, b) => b.df - a.df)
    return found.slice(0, PREFIX_EXPANSIONS).map(({ shard, i }) => ({
      term: shard.terms[i] ?? '',
      kind: 'prefix',
      weight: PREFIX_WEIGHT,
      postings: shard.postings(i),
    }))
  }

  const lookupPair = async (root: LoadedRoot, left: string, right: string) => {
    const [l0, l1] = hashString(left)
    const [r0, r1] = hashString(right)
    const shard = (pairShardKey(l0, r0) >>> 0) % Math.max(1, root.pairShards)
    const pairs = await pairShards.get(searchPaths.pairShard(shard))
    return pairs.lookup(pairFingerprint(l1, r1))
  }

  /** Vocabulary words within edit distance of `term`, nearest then most frequent first. */
  const corrections = async (
    root: LoadedRoot,
    term: string,
  ): Promise<Array<TypoEntry & { distance: number }>> => {
    if (!correctable(term) || root.typoShards === 0) return []
    const keys = typoGroupKeys(term)
    const groups = await Promise.all(
      keys.map(async (key) => {
        const shard = (hashString(key)[0] >>> 0) % root.typoShards
        return (await typoShards.get(searchPaths.typoShard(shard))).get(key) ?? []
      }),
    )
    const max = maxTypoDistance(Array.from(term).length)
    const distanceTo = distanceFrom(term, max)
    const seen = new Map<string, { entry: TypoEntry; distance: number }>()
    for (const entry of groups.flat()) {
      if (entry.term === term || seen.has(entry.term)) continue
      const distance = distanceTo(entry.term)
      if (distance <= max) seen.set(entry.term, { entry, distance })
    }
    return [...seen.values()]
      .sort((a, b) => a.distance - b.distance || b.entry.df - a.entry.df)
      .slice(0, CORRECTIONS_PER_WORD)
      .map(({ entry, distance }) => ({ ...entry, distance }))
  }

  const pairLists = async (
    root: LoadedRoot,
    parsed: ParsedQuery,
    slots: readonly Slot[],
    slotOfWord: readonly number[],
  ): Promise<{ pairs: PairList[][]; required: Int32Array[]; phraseMissing: boolean }> => {
    const forms = (slot: Slot) =>
      slot.alternatives
        .filter((a) => a.kind !== 'prefix')
        .slice(0, PAIR_FORMS)
        .map((a) => a.term)
    const jobs: Array<Promise<{ position: number; pair: PairList | null; phrase: boolean }>> = []
    for (let w = 0; w + 1 < parsed.words.length; w++) {
      const a = parsed.words[w]
      const b = parsed.words[w + 1]
      const sa = slots[slotOfWord[w] ?? -1]
      const sb = slots[slotOfWord[w + 1] ?? -1]
      if (!a || !b || !sa || !sb) continue
      const phrase = a.phrase !== null && a.phrase >= 0 && a.phrase === b.phrase
      const lefts = phrase ? [a.term] : forms(sa)
      const rights = phrase ? [b.term] : forms(sb)
      for (const left of lefts) {
        for (const right of rights) {
          jobs.push(
            lookupPair(root, left, right).then((found) => ({
              position: w,
              phrase,
              pair: found
                ? { docs: found.docs, bonus: PAIR_WEIGHT * idf(root.docs, found.df) }
                : null,
            })),
          )
        }
      }
    }
    const results = await Promise.all(jobs)
    const byPosition = new Map<number, PairList[]>()
    const required: Int32Array[] = []
    let phraseMissing = false
    for (const { position, pair, phrase } of results) {
      if (phrase) {
        if (pair) required.push(pair.docs)
        else phraseMissing = true
      }
      if (!pair) continue
      const list = byPosition.get(position) ?? []
      list.push(pair)
      byPosition.set(position, list)
    }
    return { pairs: [...byPosition.values()], required, phraseMissing }
  }

  /** A document's list fields, and its paragraphs unless it is a long one (then only its lead). */
  const loadDoc = async (root: LoadedRoot, doc: number): Promise<LoadedDoc> => {
    const chunk = await docChunks.get(searchPaths.docChunk(Math.floor(doc / root.docChunk)))
    const local = doc % root.docChunk
    const id = chunk.ids[local]
    if (id === undefined) throw new IndexFormatError(`document ${doc} is not in its chunk`)
    const longIndex = chunk.long.indexOf(local)
    if (longIndex >= 0) {
      const chunkNumber = Math.floor(doc / root.docChunk)
      const meta = (await longMetas.get(searchPaths.longMeta(chunkNumber)))[longIndex]
      if (!meta) throw new IndexFormatError(`document ${doc} has no list fields`)
      return { meta, paragraphs: null }
    }
    const article = await articles.get(dataPaths.article(id))
    return { meta: article, paragraphs: article.paragraphs }
  }

  async function search(
    query: string,
    options: SearchOptions,
    signal?: AbortSignal,
  ): Promise<SearchResult> {
    throwIfAborted(signal)
    const parsed = parseQuery(query)
    if (parsed.words.length === 0) return emptyResult(query)
    const root = await roots.get(searchPaths.root())
    throwIfAborted(signal)

    // One slot per distinct word.
    const slots: Slot[] = []
    const slotOfTerm = new Map<string, number>()
    const slotOfWord: number[] = []
    parsed.words.forEach((word: QueryWord, w) => {
      const quoted = word.phrase !== null
      let s = slotOfTerm.get(word.term)
      if (s === undefined) {
        s = slots.length
        slotOfTerm.set(word.term, s)
        slots.push({ term: word.term, word: w, quoted, df: 0, alternatives: [] })
      } else if (quoted) {
        const slot = slots[s]
        if (slot) slot.quoted = true
      }
      slotOfWord.push(s)
    })
    const lastWord = parsed.words[parsed.words.length - 1]
    const prefixSlot =
      parsed.prefix && lastWord ? (slots[slotOfTerm.get(lastWord.term) ?? -1] ?? null) : null
    const prefixUsable =
      prefixSlot !== null &&
      !prefixSlot.quoted &&
      Array.from(prefixSlot.term).length >= PREFIX_MIN_LENGTH

    // The word pairs' shards load alongside the words' own (not needed before, but no later).
    parsed.words.forEach((word, w) => {
      const next = parsed.words[w + 1]
      if (next) lookupPair(root, word.term, next.term).catch(() => {})
    })
    const [found, expansions] = await Promise.all([
      Promise.all(slots.map((slot) => lookupTerm(root, slot.term))),
      prefixUsable ? completions(root, prefixSlot.term) : Promise.resolve([]),
    ])
    throwIfAborted(signal)
    slots.forEach((slot, s) => {
      const hit = found[s]
      if (hit) {
        slot.df = hit.df
        slot.alternatives.push({
          term: slot.term,
          kind: 'exact',
          weight: 1,
          postings: hit.postings,
        })
      }
    })
    if (prefixUsable) prefixSlot.alternatives.push(...expansions)

    const run = async (): Promise<{ matches: Matches; phraseMissing: boolean } | null> => {
      if (slots.some((s) => s.alternatives.length === 0)) return null
      // A word with no exact match is only guesses (completions, corrections): its best guess
      // weighs as much as a word found as typed, so that it does not lose to the other words.
      for (const slot of slots) {
        if (slot.alternatives.some((a) => a.kind === 'exact')) continue
        const top = Math.max(...slot.alternatives.map((a) => a.weight))
        for (const alt of slot.alternatives) alt.weight /= top
      }
      const { pairs, required, phraseMissing } = await pairLists(root, parsed, slots, slotOfWord)
      if (phraseMissing) return { matches: intersect([], [], []), phraseMissing }
      const lists = slots.map((slot) => mergeSlot(slot, root))
      // The idf of every word: what the whole query as a phrase is worth.
      const weight = slots.reduce((sum, slot) => {
        const first = slot.alternatives[0]
        return sum + (first ? idf(root.docs, first.postings.docs.length) * first.weight : 0)
      }, 0)
      const phrase = { positions: parsed.words.length - 1, weight }
      return { matches: intersect(lists, required, pairs, phrase), phraseMissing }
    }

    let outcome = await run()
    throwIfAborted(signal)
    let corrected = false
    const correct = options.correct !== false

    /** Adds the corrections of `targets` (as frequent as `minDf` times the word, at least). */
    const addCorrections = async (targets: Slot[], factor: number): Promise<boolean> => {
      const candidates = await Promise.all(
        targets.map(async (slot) =>
          (await corrections(root, slot.term)).filter((c) => c.df >= factor * slot.df),
        ),
      )
      throwIfAborted(signal)
      const postings = await Promise.all(
        candidates.map((list) => Promise.all(list.map((c) => lookupTerm(root, c.term)))),
      )
      throwIfAborted(signal)
      let added = false
      targets.forEach((slot, t) => {
        candidates[t]?.forEach((c, k) => {
          const hit = postings[t]?.[k]
          if (!hit) return
          added = true
          slot.alternatives.push({
            term: c.term,
            kind: 'fuzzy',
            weight: FUZZY_WEIGHT[c.distance] ?? 0.5,
            postings: hit.postings,
          })
        })
      })
      return added
    }

    if (correct && (!outcome || (outcome.matches.docs.length === 0 && !outcome.phraseMissing))) {
      // Correct the words the corpus lacks; when every word is known but they never meet, the
      // rarest ones.
      const missing = slots.filter((s) => s.alternatives.length === 0)
      const targets =
        missing.length > 0
          ? missing
          : [...slots]
              .filter((s) => !s.quoted && correctable(s.term))
              .sort((a, b) => a.df - b.df)
              .slice(0, CORRECTED_WORDS)
      const fixable = targets.every((s) => !s.quoted && correctable(s.term))
      if (fixable && targets.length > 0 && targets.length <= CORRECTED_WORDS) {
        await addCorrections(targets, 0)
        corrected = true
        outcome = await run()
        throwIfAborted(signal)
      }
    } else if (correct && outcome && outcome.matches.docs.length > 0) {
      // A lone word found in very few articles may itself be a typo: its much more frequent
      // neighbours are searched too, their results after every exact one. (With more words, their
      // meeting in an article already says the rare word was meant.)
      const rare = slots.filter(
        (s) =>
          slots.length === 1 && !s.quoted && correctable(s.term) && s.df > 0 && s.df <= RARE_DF,
      )
      if (rare.length > 0 && rare.length <= CORRECTED_WORDS) {
        // Those few articles come first whatever the corrections find: their files load while
        // the corrections' do, not after them (the cache hands them to the results below).
        for (const doc of outcome.matches.docs) loadDoc(root, doc).catch(() => {})
        if (await addCorrections(rare, RARE_FACTOR)) {
          outcome = await run()
          throwIfAborted(signal)
        }
      }
    }

    const matches = outcome?.matches ?? intersect([], [], [])
    const n = matches.docs.length
    // Documents every word matched as typed (or completed): before any matched by a correction.
    const typed = new Uint8Array(n).fill(1)
    slots.forEach((slot, s) => {
      if (!slot.alternatives.some((a) => a.kind === 'fuzzy')) return
      const choice = matches.choices[s]
      for (let i = 0; i < n; i++) {
        if (slot.alternatives[choice?.[i] ?? 0]?.kind === 'fuzzy') typed[i] = 0
      }
    })

    // Counts per source, before the filter.
    const sources: SearchResult['sources'] = []
    let cursor = 0
    for (const s of root.sources) {
      const from = gallop(matches.docs, cursor, s.start)
      const to = gallop(matches.docs, from, s.start + s.count)
      cursor = to
      if (to > from) sources.push({ name: s.name, slug: s.slug, count: to - from })
    }
    sources.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))

    let from = 0
    let to = n
    if (options.source !== null) {
      const range = root.sources.find((s) => s.slug === options.source)
      if (range) {
        from = gallop(matches.docs, 0, range.start)
        to = gallop(matches.docs, from, range.start + range.count)
      } else {
        from = to = 0
      }
    }
    const total = to - from
    const limit = Math.max(0, Math.min(Math.floor(options.limit) || 0, total, MAX_LIMIT))

    // Only results that are shown are checked (their files are loaded anyway), at most the first
    // RERANK_WINDOW: asking for more results never reorders the first ones.
    const rerank =
      options.sort === 'relevance' && parsed.words.length >= 3 ? Math.min(limit, RERANK_WINDOW) : 0
    // One number per match to order by (higher first), ties broken by recency.
    const keys = new Float64Array(total)
    const ranks = options.sort === 'newest' ? await rankFiles.get(searchPaths.ranks()) : null
    throwIfAborted(signal)
    for (let i = 0; i < total; i++) {
      const first = (typed[from + i] ?? 0) * TYPED_FIRST
      keys[i] = ranks
        ? first - (ranks[matches.docs[from + i] ?? 0] ?? 0)
        : first + (matches.scores[from + i] ?? 0)
    }
    const order = topK(keys, Math.max(limit, rerank), (a, b) => {
      const da = matches.docs[from + a] ?? 0
      const db = matches.docs[from + b] ?? 0
      const ra = root.recency[da] ?? 0
      const rb = root.recency[db] ?? 0
      return ra !== rb ? ra < rb : da < db
    })
    // The best few, checked against their text: the whole query as a phrase, in its order, comes
    // first (word pairs alone cannot tell "a b c" from "a b ... b c").
    const loaded = await Promise.all(order.map((i) => loadDoc(root, matches.docs[from + i] ?? 0)))
    throwIfAborted(signal)
    if (rerank > 0) {
      const forms = parsed.words.map((_, w) => {
        const slot = slots[slotOfWord[w] ?? 0]
        return new Set(slot?.alternatives.filter((a) => a.kind !== 'prefix').map((a) => a.term))
      })
      const prefix = prefixUsable ? prefixSlot.term : null
      const window = order.slice(0, rerank).map((i, k) => ({
        i,
        doc: loaded[k],
        typed: typed[from + i] ?? 0,
        phrase: loaded[k] ? hasPhrase(loaded[k], forms, prefix) : false,
      }))
      window.sort((a, b) => b.typed - a.typed || Number(b.phrase) - Number(a.phrase))
      window.forEach((entry, k) => {
        order[k] = entry.i
        if (entry.doc) loaded[k] = entry.doc
      })
    }
    const top = order.slice(0, limit).map((i) => from + i)

    // The words searched: each slot's exact term, or the correction the best match used.
    const best = top[0]
    const chosen = slots.map((slot, s) => {
      const k = best === undefined ? 0 : (matches.choices[s]?.[best] ?? 0)
      const alt = slot.alternatives[k] ?? slot.alternatives[0]
      return alt && alt.kind !== 'prefix' ? alt.term : slot.term
    })
    let correctedQuery: string | null = null
    if (corrected && n > 0) {
      const edits = parsed.words
        .map((word, w) => ({ word, term: chosen[slotOfWord[w] ?? 0] ?? word.term }))
        .filter(({ word, term }) => term !== word.term)
      if (edits.length > 0) {
        correctedQuery = query
        for (const { word, term } of edits.reverse()) {
          correctedQuery =
            correctedQuery.slice(0, word.start) + term + correctedQuery.slice(word.end)
        }
      }
    }
    const prefixTerm =
      prefixUsable && prefixSlot.alternatives.some((a) => a.kind === 'prefix')
        ? prefixSlot.term
        : null
    const terms = [...new Set(n > 0 ? chosen : [])]
    // Highlight every form searched in each result: exact, corrections, completions.
    const groups = new Map<string, number>()
    slots.forEach((slot, s) => {
      for (const alt of slot.alternatives) if (!groups.has(alt.term)) groups.set(alt.term, s)
    })
    const highlightTerms = [...groups.keys()]
    const hits = top.map((_, k) => {
      const doc = loaded[k]
      if (!doc) throw new IndexFormatError('a result was not loaded')
      return makeHit(doc, highlightTerms, groups, prefixTerm)
    })
    return { query, correctedQuery, total, hits, sources, terms, prefixTerm }
  }

  async function prepare(): Promise<void> {
    await roots.get(searchPaths.root())
  }

  return { search, prepare }
}
