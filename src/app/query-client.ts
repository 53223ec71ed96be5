import { QueryClient } from '@tanstack/react-query'
import { HttpError } from '@/lib/fetch-json'

const MAX_RETRIES = 2

/**
 * The corpus never changes while the app runs, so data never goes stale. A missing file (4xx) is
 * an answer, not a fault: it is not retried. Other failures are retried twice with backoff.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: 10 * 60 * 1000,
        retry: (failures, error) =>
          !(error instanceof HttpError && error.status >= 400 && error.status < 500) &&
          failures < MAX_RETRIES,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        refetchOnWindowFocus: false,
      },
    },
  })
}
