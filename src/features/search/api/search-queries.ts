import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query'
import { explainLoadFailure } from '@/lib/deployment'
import { search, takeOverPage, type SearchParams } from './search-engine-client'

export { prefetchSearch, prepareSearch, type SearchParams } from './search-engine-client'

/** The one place search query keys and fetchers are written. */
export const searchQueries = {
  all: () => ['search'] as const,
  results: (params: SearchParams) =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'results', params] as const,
      // Not aborted when the reader types on: the last keystroke's search is ignored, but goes on
      // to load the files of its results, which the next keystroke's results mostly share.
      queryFn: async () => {
        try {
          return await search(params)
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

/**
 * Puts the search page's early result, when it has arrived, in the cache before the app's first
 * render: the results the early script drew (`src/app/start/early-draw.ts`) are then rendered again as
 * they are, instead of giving way to "Searching…" first. Called by the search route's loader, which
 * runs before the app renders the page.
 */
export function seedEarlySearch(queryClient: QueryClient): void {
  const arrived = takeOverPage()
  if (arrived !== null) {
    queryClient.setQueryData(searchQueries.results(arrived.params).queryKey, arrived.result)
  }
}
