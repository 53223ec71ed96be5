import { useEffect } from 'react'
import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { Link, useLocation, useSearchParams, type LoaderFunctionArgs } from 'react-router-dom'
import { orSiteUpdated } from '@/app/not-found'
import { PageMeta } from '@/components/seo/page-meta'
import { paths } from '@/config/paths'
import { site } from '@/config/site'
import { articleQueries } from '@/features/articles/api/article-queries'
import { ArticleList } from '@/features/articles/components/article-list'
import { SearchResults } from '@/features/search/components/search-results'
import { prepareSearch, seedEarlySearch } from '@/features/search/api/search-queries'
import { searchHeading } from '@/features/search/utils/result-text'
import { readSearchParams } from '@/features/search/utils/search-params'

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
  const state = readSearchParams(searchParams)
  const q = state.q.trim()
  return (
    <section className="search-view" aria-labelledby="search-heading">
      <PageMeta
        title={q === '' ? 'Search' : `${q} · Search`}
        description={
          q === ''
            ? `Search every article of ${site.name} by keyword.`
            : `Articles matching “${q}” in ${site.name}.`
        }
        path="/search"
      />
      <h1 id="search-heading">{searchHeading(q)}</h1>
      {q === '' ? (
        <LatestForEmptySearch />
      ) : (
        <SearchResults
          key={`${state.q}\n${state.source}\n${state.sort}\n${state.exact}`}
          state={state}
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
