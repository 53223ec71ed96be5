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
 *
 * The steps, each in its module: the files and the lookups over them (index-store.ts, on
 * file-cache.ts); the query's slots (slots.ts); matching and scoring them (match-query.ts,
 * word-pairs.ts, scoring.ts), with typo corrections (corrections.ts); the answer (results.ts,
 * ranking.ts). One search's state travels between them as a QueryState (query-state.ts).
 */
import { throwIfAborted } from './abort.ts'
import { highlightRanges, type Highlight } from './excerpt.ts'
import type { LoadFile } from './file-cache.ts'
import { IndexStore } from './index-store.ts'
import { lookupWords, matchQuery } from './match-query.ts'
import type { QueryState } from './query-state.ts'
import { parseQuery } from './query.ts'
import { emptyResult, searchResult } from './results.ts'
import type { SearchOptions, SearchResult } from './search-types.ts'
import { planSlots } from './slots.ts'
import { prefetchPairs } from './word-pairs.ts'

export { highlightRanges }
export type { Highlight }
export { MAX_LIMIT } from './results.ts'
export type { SearchHit, SearchOptions, SearchResult, SearchSort } from './search-types.ts'

export type SearchEngine = {
  search(query: string, options: SearchOptions, signal?: AbortSignal): Promise<SearchResult>
  /** Loads the index's root, which every search reads first, ahead of the first query. */
  prepare(): Promise<void>
  /**
   * Loads the files a search for `query` starts with, and keeps them: the root, its words' term
   * shards (the last word's completions' too) and its word pairs'. Nothing is answered and
   * nothing aborts it: whatever becomes of the search it runs ahead of, its files keep loading for
   * the searches after it. A failure is left to the search that needs the file.
   */
  prefetch(query: string): Promise<void>
}

export function createSearchEngine(load: LoadFile): SearchEngine {
  const store = new IndexStore(load)

  async function search(
    query: string,
    options: SearchOptions,
    signal?: AbortSignal,
  ): Promise<SearchResult> {
    throwIfAborted(signal)
    const parsed = parseQuery(query)
    if (parsed.words.length === 0) return emptyResult(query)
    const root = await store.root()
    throwIfAborted(signal)
    const state: QueryState = { query, parsed, store, root, signal, ...planSlots(parsed) }
    prefetchPairs(store, root, parsed)
    await lookupWords(state)
    const matches = await matchQuery(state, options.correct !== false)
    return searchResult(state, matches, options)
  }

  async function prepare(): Promise<void> {
    await store.root()
  }

  async function prefetch(query: string): Promise<void> {
    const parsed = parseQuery(query)
    if (parsed.words.length === 0) return
    const root = await store.root()
    prefetchPairs(store, root, parsed)
    const { slots, completable } = planSlots(parsed)
    await Promise.all([
      ...slots.map((slot) => store.lookupTerm(root, slot.term)),
      completable ? store.completions(root, completable.term) : null,
    ]).catch(() => undefined)
  }

  return { search, prepare, prefetch }
}
