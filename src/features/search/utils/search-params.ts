import type { SearchSort } from '@/lib/search/search-engine'

/** The longest query taken from a URL or the box; the rest is ignored (bounded work). */
export const MAX_QUERY_LENGTH = 200

/** How many results a search shows at first, and how many more each "more" adds. */
export const RESULTS_PAGE = 10

export type SearchUrlState = {
  q: string
  source: string | null
  sort: SearchSort
  exact: boolean
}

/** What /search shows, read from its URL: the URL is the state. Anything odd falls back. */
export function readSearchParams(search: URLSearchParams): SearchUrlState {
  const source = search.get('source')
  return {
    // Control characters (NUL, escapes, line breaks) are never in the corpus's text: spaces.
    q: (search.get('q') ?? '').slice(0, MAX_QUERY_LENGTH).replace(/\p{Cc}/gu, ' '),
    source: source !== null && /^[a-z0-9-]{1,100}$/.test(source) ? source : null,
    sort: search.get('sort') === 'newest' ? 'newest' : 'relevance',
    exact: search.get('exact') === '1',
  }
}

/**
 * What /search shows for a query typed into the search box: the state of the URL the box then
 * navigates to (searchHref), where the sort stays and the source filter and "exact" go.
 */
export function typedSearchState(q: string, sort: SearchSort): SearchUrlState {
  return readSearchParams(new URLSearchParams(searchHref({ q, sort }).split('?')[1]))
}

export function searchHref(state: Partial<SearchUrlState> & { q: string }): string {
  const params = new URLSearchParams()
  params.set('q', state.q)
  if (state.source) params.set('source', state.source)
  if (state.sort === 'newest') params.set('sort', 'newest')
  if (state.exact) params.set('exact', '1')
  return `/search?${params.toString()}`
}
