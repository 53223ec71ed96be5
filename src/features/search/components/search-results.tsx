import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useState, type ReactNode } from 'react'
import { Link, useLocation } from 'react-router-dom'
import { HighlightedText } from '@/components/ui/highlighted-text'
import { paths } from '@/config/paths'
import type { SearchHit, SearchResult } from '@/lib/search/search-engine'
import { isChunkLoadError, SiteUpdatedError } from '@/lib/deployment'
import { FetchTimeoutError, HttpError, NetworkError } from '@/lib/fetch-json'
import { formatDate } from '@/lib/format'
import { searchQueries } from '../api/search-queries'
import { resultCount, SORT_CHOICES, sourceChipLabel } from '../utils/result-text'
import { RESULTS_PAGE, searchHref, type SearchUrlState } from '../utils/search-params'

export type SearchResultsProps = { state: SearchUrlState }

/** Results for one query, filter and sort; mount it with a key of those so "more" starts over. */
export function SearchResults({ state }: SearchResultsProps) {
  const [limit, setLimit] = useState(RESULTS_PAGE)
  const query = useQuery(searchQueries.results({ ...state, limit }))
  // Results render as a transition, in slices that yield to the browser. Rendered at once, a
  // page of highlighted results held the main thread for 30 ms here, four times that on a phone.
  const shown = useDeferredValue(query.data)
  const location = useLocation()
  const from = location.pathname + location.search

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
  const result = shown
  const stale = query.isPlaceholderData || shown !== query.data
  return (
    <div className="search-results" aria-busy={stale}>
      <p className="search-status" role="status">
        {resultCount(result, state.q)}
      </p>
      {result.correctedQuery !== null ? (
        <p className="correction">
          Showing results for <strong>{result.correctedQuery}</strong>.{' '}
          <Link to={searchHref({ ...state, exact: true })}>Search instead for {state.q}</Link>
        </p>
      ) : null}
      {result.total > 0 || state.source !== null ? (
        <SearchFilters result={result} state={state} />
      ) : null}
      {result.total === 0 ? (
        <p className="muted">Check the spelling, or try fewer or other words.</p>
      ) : (
        <ol className="article-list">
          {result.hits.map((hit) => (
            <li key={hit.id}>
              <SearchResultItem hit={hit} result={result} from={from} />
            </li>
          ))}
        </ol>
      )}
      {result.hits.length < result.total ? (
        <p>
          <button
            type="button"
            className="button"
            onClick={() => setLimit((n) => n + RESULTS_PAGE)}
            disabled={stale}
          >
            Show more results
          </button>
        </p>
      ) : null}
    </div>
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

type SearchFiltersProps = { result: SearchResult; state: SearchUrlState }

function SearchFilters({ result, state }: SearchFiltersProps) {
  const all = result.sources.reduce((sum, s) => sum + s.count, 0)
  return (
    <div className="search-filters">
      <nav aria-label="Filter by source">
        <ul className="chips">
          <FilterChip to={searchHref({ ...state, source: null })} current={state.source === null}>
            {sourceChipLabel(null, all)}
          </FilterChip>
          {result.sources.map((source) => (
            <FilterChip
              key={source.slug}
              to={searchHref({ ...state, source: source.slug })}
              current={state.source === source.slug}
            >
              {sourceChipLabel(source.name, source.count)}
            </FilterChip>
          ))}
        </ul>
      </nav>
      <nav aria-label="Sort results">
        <ul className="chips">
          {SORT_CHOICES.map(({ sort, label }) => (
            <FilterChip
              key={sort}
              to={searchHref({ ...state, sort })}
              current={state.sort === sort}
            >
              {label}
            </FilterChip>
          ))}
        </ul>
      </nav>
    </div>
  )
}

type FilterChipProps = { to: string; current: boolean; children: ReactNode }

/** A filter or sort choice: a link that replaces the history entry, marked when it is in force. */
function FilterChip({ to, current, children }: FilterChipProps) {
  return (
    <li>
      <Link className="chip" to={to} aria-current={current ? 'page' : undefined} replace>
        {children}
      </Link>
    </li>
  )
}

type SearchResultItemProps = { hit: SearchHit; result: SearchResult; from: string }

function SearchResultItem({ hit, result, from }: SearchResultItemProps) {
  const highlight = { terms: result.terms, prefix: result.prefixTerm }
  return (
    <article className="card">
      <h2 className="card-title">
        <Link to={paths.article(hit.id, hit.slug)} state={{ from, highlight }}>
          <HighlightedText text={hit.title} ranges={hit.titleHighlights} />
        </Link>
      </h2>
      <p className="meta">
        {hit.source !== null && hit.sourceSlug !== null ? (
          <Link className="meta-source" to={paths.source(hit.sourceSlug)}>
            {hit.source}
          </Link>
        ) : null}
        {hit.date !== null ? <time dateTime={hit.date}>{formatDate(hit.date)}</time> : null}
      </p>
      <p className="card-excerpt">
        <HighlightedText text={hit.excerpt} ranges={hit.excerptHighlights} />
      </p>
    </article>
  )
}
