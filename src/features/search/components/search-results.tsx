import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useState } from 'react'
import { useLocation } from 'react-router-dom'
import { renderMarkup } from '@/components/ui/markup'
import { isChunkLoadError, SiteUpdatedError } from '@/lib/deployment'
import { FetchTimeoutError, HttpError, NetworkError } from '@/lib/fetch-json'
import { searchQueries } from '../api/search-queries'
import { RESULTS_PAGE, type SearchUrlState } from '../utils/search-params'
import { resultsMarkup } from './results-markup'

export type SearchResultsProps = { state: SearchUrlState }

/** Results for one query, filter and sort; mount it with a key of those so "more" starts over. */
export function SearchResults({ state }: SearchResultsProps) {
  const [limit, setLimit] = useState(RESULTS_PAGE)
  const query = useQuery(searchQueries.results({ ...state, limit }))
  // Results render as a transition, in slices that yield to the browser. Rendered at once, a
  // page of highlighted results held the main thread for 30 ms here, four times that on a phone.
  const shown = useDeferredValue(query.data)
  const location = useLocation()

  if (query.isPending) return <Searching />
  if (query.error instanceof SiteUpdatedError) {
    return (
      <div className="message" role="alert">
        <p>
          This site has been updated since this page was opened: reload to search the new version.
        </p>
        <p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      </div>
    )
  }
  if (query.isError) {
    return (
      <div className="message" role="alert">
        <p>
          Search could not load its index: {searchFailure(query.error)}. Check your connection and
          try again.
        </p>
        <p>
          <button type="button" className="button" onClick={() => void query.refetch()}>
            Retry
          </button>
        </p>
      </div>
    )
  }
  // Arrived, and rendering in the background.
  if (shown === undefined) return <Searching />
  const stale = query.isPlaceholderData || shown !== query.data
  return renderMarkup(
    resultsMarkup(shown, state, {
      stale,
      from: location.pathname + location.search,
      onMore: () => setLimit((n) => n + RESULTS_PAGE),
    }),
  )
}

function Searching() {
  return (
    <p className="search-status" role="status">
      Searching…
    </p>
  )
}

/** What went wrong, in words, for the message above the Retry button. */
function searchFailure(error: Error): string {
  if (error instanceof HttpError) return `the server answered ${error.status}`
  if (error instanceof FetchTimeoutError) return 'the server did not answer in time'
  if (error instanceof NetworkError || isChunkLoadError(error)) return 'the network request failed'
  return 'what arrived was damaged'
}
