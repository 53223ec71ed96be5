import { QueryClient } from '@tanstack/react-query'
import { articleQueries } from '@/features/articles/api/article-queries'
import { boundInactiveQueries } from './bounded-query-cache'
import { SiteUpdatedError } from '@/lib/deployment'
import { HttpError, NetworkError } from '@/lib/fetch-json'

export const MAX_RETRIES = 2
/** Articles no view shows that stay cached (about 15 kB of heap each); older ones are refetched. */
export const MAX_CACHED_ARTICLES = 50

/**
 * The corpus never changes while the app runs, so data never goes stale. A missing file (4xx) is
 * an answer, not a fault: it is not retried, and neither is a redeploy (only a reload helps) nor
 * a request that failed while the browser is offline.
 * Other failures (5xx, timeouts, damaged data, the network) are retried twice with backoff, so a
 * failing file is asked for 1 + MAX_RETRIES times.
 */
export function createQueryClient(): QueryClient {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 10 * 60 * 1000,
        retry: (failures, error) =>
          !(error instanceof HttpError && error.status >= 400 && error.status < 500) &&
          !(error instanceof SiteUpdatedError) &&
          // Offline, asking again cannot help: the view says so at once, and Retry asks again.
          !(error instanceof NetworkError && !navigator.onLine) &&
          failures < MAX_RETRIES,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        refetchOnWindowFocus: false,
        // Fetch even while the browser reports no network: the service worker may hold the file,
        // and a failure shows the offline message instead of a query paused until reconnection.
        networkMode: 'always',
      },
    },
  })
  boundInactiveQueries(queryClient, articleQueries.details(), MAX_CACHED_ARTICLES)
  return queryClient
}
