import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import { explainLoadFailure } from '@/lib/deployment'
import { search, type SearchParams } from './search-engine-client'

export { prepareSearch, type SearchParams } from './search-engine-client'

/** The one place search query keys and fetchers are written. */
export const searchQueries = {
  all: () => ['search'] as const,
  results: (params: SearchParams) =>
    queryOptions({
      queryKey: [...searchQueries.all(), 'results', params] as const,
      queryFn: async ({ signal }) => {
        try {
          return await search(params, signal)
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
