/**
 * A search's answer from its matches: the counts per source and the source filter (documents are
 * numbered source by source, so a source is a range: index-format.ts), the first `limit` in the
 * chosen order (ranking.ts), their files loaded for the hits (title, excerpt, highlights), and
 * the terms searched.
 */
import { throwIfAborted } from './abort.ts'
import { correctedQueryText } from './corrections.ts'
import { bestExcerpt, highlightRanges, termMatcher } from './excerpt.ts'
import { IndexFormatError } from './index-format.ts'
import type { LoadedDoc, LoadedRoot } from './index-store.ts'
import { gallop } from './gallop.ts'
import type { QueryMatches } from './match-query.ts'
import type { QueryState } from './query-state.ts'
import { bestMatches, rerankByPhrase, rerankCount, typedMask } from './ranking.ts'
import type { Matches } from './scoring.ts'
import type { SearchHit, SearchOptions, SearchResult } from './search-types.ts'
import type { Slot } from './slots.ts'

/** Results returned by one search, at most, whatever `limit` says (each costs a file). */
export const MAX_LIMIT = 100

const EMPTY_SOURCES: SearchResult['sources'] = []

export function emptyResult(query: string): SearchResult {
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

/** Counts per source (the most first), of all the matches: before the filter. */
export function sourceCounts(root: LoadedRoot, docs: Int32Array): SearchResult['sources'] {
  const sources: SearchResult['sources'] = []
  let cursor = 0
  for (const s of root.sources) {
    const from = gallop(docs, cursor, s.start)
    const to = gallop(docs, from, s.start + s.count)
    cursor = to
    if (to > from) sources.push({ name: s.name, slug: s.slug, count: to - from })
  }
  sources.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))
  return sources
}

/** The matches in source `slug` (all when null, none for an unknown source), as docs[from..to). */
export function sourceRange(
  root: LoadedRoot,
  docs: Int32Array,
  slug: string | null,
): { from: number; to: number } {
  if (slug === null) return { from: 0, to: docs.length }
  const range = root.sources.find((s) => s.slug === slug)
  if (!range) return { from: 0, to: 0 }
  const from = gallop(docs, 0, range.start)
  return { from, to: gallop(docs, from, range.start + range.count) }
}

/** The words searched: each slot's exact term, or the correction the best match (`best`) used. */
function chosenTerms(slots: readonly Slot[], matches: Matches, best: number | undefined): string[] {
  return slots.map((slot, s) => {
    const k = best === undefined ? 0 : (matches.choices[s]?.[best] ?? 0)
    const alt = slot.alternatives[k] ?? slot.alternatives[0]
    return alt && alt.kind !== 'prefix' ? alt.term : slot.term
  })
}

/** Every form searched (exact, corrections, completions), with the slot it stands for. */
function highlightGroups(slots: readonly Slot[]): Map<string, number> {
  const groups = new Map<string, number>()
  slots.forEach((slot, s) => {
    for (const alt of slot.alternatives) if (!groups.has(alt.term)) groups.set(alt.term, s)
  })
  return groups
}

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
    language: meta.language ?? null,
    titleHighlights: highlightRanges(meta.title, terms, prefixTerm),
    excerpt: excerpt.excerpt,
    excerptHighlights: excerpt.highlights,
  }
}

/** The answer to the query: its matches counted, filtered, ordered, and the first shown. */
export async function searchResult(
  state: QueryState,
  { matches, corrected }: QueryMatches,
  options: SearchOptions,
): Promise<SearchResult> {
  const { store, root, parsed, slots, completable, signal, query } = state
  const n = matches.docs.length
  const typed = typedMask(slots, matches)
  const sources = sourceCounts(root, matches.docs)
  const { from, to } = sourceRange(root, matches.docs, options.source)
  const range = { matches, typed, from, to }
  const total = to - from
  const limit = Math.max(0, Math.min(Math.floor(options.limit) || 0, total, MAX_LIMIT))
  const rerank = rerankCount(options.sort === 'relevance', parsed.words.length, limit)
  const ranks = options.sort === 'newest' ? await store.ranks() : null
  throwIfAborted(signal)
  const order = bestMatches(root.recency, range, ranks, Math.max(limit, rerank))
  const loaded = await Promise.all(
    order.map((i) => store.loadDoc(root, matches.docs[from + i] ?? 0)),
  )
  throwIfAborted(signal)
  if (rerank > 0) rerankByPhrase(state, range, order, loaded, rerank)
  const top = order.slice(0, limit).map((i) => from + i)

  const chosen = chosenTerms(slots, matches, top[0])
  const correctedQuery = corrected && n > 0 ? correctedQueryText(state, chosen) : null
  const prefixTerm =
    completable && completable.alternatives.some((a) => a.kind === 'prefix')
      ? completable.term
      : null
  const terms = [...new Set(n > 0 ? chosen : [])]
  // Highlight every form searched in each result: exact, corrections, completions.
  const groups = highlightGroups(slots)
  const highlightTerms = [...groups.keys()]
  const hits = top.map((_, k) => {
    const doc = loaded[k]
    if (!doc) throw new IndexFormatError('a result was not loaded')
    return makeHit(doc, highlightTerms, groups, prefixTerm)
  })
  return { query, correctedQuery, total, hits, sources, terms, prefixTerm }
}
