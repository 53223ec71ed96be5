import { useDeferredValue, useEffect } from 'react'
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { Link, useLocation, useSearchParams, type LoaderFunctionArgs } from 'react-router-dom'
import { orSiteUpdated } from '@/app/not-found'
import { PageMeta } from '@/components/seo/page-meta'
import { paths } from '@/config/paths'
import { site } from '@/config/site'
import { articleQueries } from '@/features/articles/api/article-queries'
import { ArticleList } from '@/features/articles/components/article-list'
import { SearchResults } from '@/features/search/components/search-results'
import {
  prefetchSearch,
  prepareSearch,
  seedEarlySearch,
} from '@/features/search/api/search-queries'
import { searchHeading } from '@/features/search/utils/result-text'
import { readSearchParams, typedSearchState } from '@/features/search/utils/search-params'
import { useTypedQuery } from '@/features/search/components/typed-query'

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    // A shared search link whose results the page's early script drew: render them as they are.
    seedEarlySearch(queryClient)
    // The empty search shows the latest articles; results load as the reader types.
    const { q } = readSearchParams(new URL(request.url).searchParams)
    if (q.trim() === '') {
      await orSiteUpdated(
        queryClient.ensureQueryData(articleQueries.page({ page: 1, source: null })),
      )
    }
    return null
  }

export function Component() {
  const [searchParams] = useSearchParams()
  const location = useLocation()
  const fromUrl = readSearchParams(searchParams)
  // While the reader types, the view follows the box at once; the URL catches up when the typing
  // pauses (typed-query.ts).
  const typed = useTypedQuery(location)
  // Each keystroke starts loading the index files its words need at once, before its search
  // starts (after the results' render): the search finds them on their way.
  useEffect(() => {
    if (typed !== null) prefetchSearch(typed)
  }, [typed])
  const state = typed === null ? fromUrl : typedSearchState(typed, fromUrl.sort)
  const q = state.q.trim()
  // The heading follows each keystroke; the results render in the background, one query behind
  // while a keystroke's render is under way, so typing never waits for them.
  const resultsQuery = useDeferredValue(state.q)
  // The page's title and description follow the results, not each keystroke.
  const shownQ = resultsQuery.trim()
  const { source, sort, exact } = state
  return (
    <section className="search-view" aria-labelledby="search-heading">
      <PageMeta
        title={shownQ === '' ? 'Search' : `${shownQ} · Search`}
        description={
          shownQ === ''
            ? `Search every article of ${site.name} by keyword.`
            : `Articles matching “${shownQ}” in ${site.name}.`
        }
        path="/search"
      />
      <h1 id="search-heading">{searchHeading(q)}</h1>
      {q === '' || shownQ === '' ? (
        <LatestForEmptySearch />
      ) : (
        // A new query keeps the results on screen, dimmed, until its own arrive; a new filter or
        // sort starts over.
        <SearchResults
          key={`${source}\n${sort}\n${exact}`}
          q={resultsQuery}
          source={source}
          sort={sort}
          exact={exact}
        />
      )}
    </section>
  )
}

function LatestForEmptySearch() {
  const location = useLocation()
  useEffect(prepareSearch, [])
  const { data: list } = useSuspenseQuery(articleQueries.page({ page: 1, source: null }))
  return (
    <>
      <p className="muted">
        Type words from a headline or a story in the search box. Put words in double quotes to find
        them as a phrase; typos are forgiven. Press / to search from anywhere.
      </p>
      <h2 className="section-heading">Latest articles</h2>
      <ArticleList list={list} from={location.pathname + location.search} />
      <p>
        <Link to={paths.home(2)}>More of the latest articles</Link>
      </p>
    </>
  )
}
