import { useQuery } from '@tanstack/react-query'
import { memo, useDeferredValue, useMemo, useState } from 'react'
import { renderMarkup } from '@/components/ui/markup'
import { isChunkLoadError, SiteUpdatedError } from '@/lib/deployment'
import { FetchTimeoutError, HttpError, NetworkError } from '@/lib/fetch-json'
import { searchQueries } from '../api/search-queries'
import { RESULTS_PAGE, searchHref, type SearchUrlState } from '../utils/search-params'
import { resultSlots } from './result-actions'
import { resultsMarkup } from './results-markup'

export type SearchResultsProps = SearchUrlState

/**
 * Results for a query, filter and sort; mount it with a key of the filter and sort so "more"
 * starts over. A new query keeps the last results on screen, dimmed, until its own arrive (its
 * search ignores the one before), and "more" starts over. Rendered only when `state` changes.
 */
export const SearchResults = memo(function SearchResults({
  q,
  source,
  sort,
  exact,
}: SearchResultsProps) {
  const state = useMemo(() => ({ q, source, sort, exact }), [q, source, sort, exact])
  const [more, setMore] = useState({ q: state.q, limit: RESULTS_PAGE })
  const limit = more.q === state.q ? more.limit : RESULTS_PAGE
  const query = useQuery(searchQueries.results({ ...state, limit }))
  // Results render as a transition, in slices that yield to the browser. Rendered at once, a
  // page of highlighted results held the main thread for 30 ms here, four times that on a phone.
  const shown = useDeferredValue(query.data)
  const stale = query.isPlaceholderData || shown !== query.data
  // The results shown, with their own query's links, render to the same elements while the
  // reader types on: React leaves them alone, and a keystroke costs no render of the list.
  const results = useMemo(() => {
    if (shown === undefined) return null
    const own = { q: shown.query, source, sort, exact }
    return renderMarkup(
      resultsMarkup(shown, own, {
        stale,
        // The results' own URL, which the URL may not have caught up with yet.
        from: searchHref(own),
        onMore: () => setMore({ q: own.q, limit: limit + RESULTS_PAGE }),
      }),
      resultSlots,
    )
  }, [shown, source, sort, exact, stale, limit])

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
  return results ?? <Searching />
})

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
