import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { SearchEngine, SearchSort } from '@/features/search/engine/search-engine'
import { dataUrl } from '@/lib/data-url'
import { explainLoadFailure } from '@/lib/deployment'
import { DataError, fetchWithTimeout } from '@/lib/fetch-json'

export type SearchParams = {
  q: string
  source: string | null
  sort: SearchSort
  limit: number
  /** Search the words as typed, without correcting typos. */
  exact: boolean
}

/**
 * Index files are JSON or binary by their extension; `load` returns parsed JSON or the bytes.
 * Loads are shared by searches (the engine keeps what it loaded), so no one query's signal aborts
 * them; the fetch timeout bounds each.
 */
async function load(path: string): Promise<unknown> {
  const url = dataUrl(path)
  if (!path.endsWith('.json')) {
    return fetchWithTimeout(url, async (response) => new Uint8Array(await response.arrayBuffer()))
  }
  const text = await fetchWithTimeout(url, (response) => response.text())
  try {
    const value: unknown = JSON.parse(text)
    return value
  } catch {
    throw new DataError(url, 'the response is not valid JSON')
  }
}

let engine: Promise<SearchEngine> | null = null

/** The engine and its index load on the first search only; a failed load is tried again later. */
function getEngine(): Promise<SearchEngine> {
  engine ??= import('@/features/search/engine/search-engine')
    .then(({ createSearchEngine }) => createSearchEngine(load))
    .catch((error: unknown) => {
      engine = null
      throw error
    })
  return engine
}

/**
 * Starts loading the engine and its index root before the first query, for a reader who opened
 * the search page: the first keystroke then waits for one term's files only. A failure here is
 * not shown; the first search reports it.
 */
export function prepareSearch(): void {
  getEngine()
    .then((engine) => engine.prepare())
    .catch(() => undefined)
}

/** The one place search query keys and fetchers are written. */
export const searchQueries = {
  all: () => ['search'] as const,
  results: (params: SearchParams) =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'results', params] as const,
      queryFn: async ({ signal }) => {
        try {
          const engine = await getEngine()
          return await engine.search(
            params.q,
            {
              source: params.source,
              sort: params.sort,
              limit: params.limit,
              correct: !params.exact,
            },
            signal,
          )
        } catch (error) {
          // An index file of this tab's version that is gone, or the engine's chunk: a redeploy?
          throw await explainLoadFailure(error)
        }
      },
      // While the next query runs, the last answer stays (dimmed) instead of a blank page.
      placeholderData: keepPreviousData,
      // Results are cheap to recompute from the cached index: keep a few, not every keystroke's.
      gcTime: 60 * 1000,
    }),
}
