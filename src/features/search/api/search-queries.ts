import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import type { SearchEngine, SearchSort } from '@/features/search/engine/search-engine'
import { dataUrl } from '@/lib/data-url'
import { DataError, HttpError } from '@/lib/fetch-json'

export type SearchParams = {
  q: string
  source: string | null
  sort: SearchSort
  limit: number
  /** Search the words as typed, without correcting typos. */
  exact: boolean
}

/** Index files are JSON or binary by their extension; `load` returns parsed JSON or the bytes. */
async function load(path: string): Promise<unknown> {
  const url = dataUrl(path)
  const response = await fetch(url)
  if (!response.ok) throw new HttpError(response.status, url)
  if (!path.endsWith('.json')) return new Uint8Array(await response.arrayBuffer())
  try {
    return (await response.json()) as unknown
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

/** The one place search query keys and fetchers are written. */
export const searchQueries = {
  all: () => ['search'] as const,
  results: (params: SearchParams) =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'results', params] as const,
      queryFn: async ({ signal }) =>
        (await getEngine()).search(
          params.q,
          { source: params.source, sort: params.sort, limit: params.limit, correct: !params.exact },
          signal,
        ),
      // While the next query runs, the last answer stays (dimmed) instead of a blank page.
      placeholderData: keepPreviousData,
      // Results are cheap to recompute from the cached index: keep a few, not every keystroke's.
      gcTime: 60 * 1000,
    }),
}
