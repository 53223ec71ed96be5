import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { useLocation, useSearchParams, type LoaderFunctionArgs } from 'react-router-dom'
import { notFound, orNotFound, orSiteUpdated } from '@/app/not-found'
import { paths } from '@/config/paths'
import { PageMeta } from '@/components/seo/page-meta'
import { articleQueries } from '@/features/articles/api/article-queries'
import { ArticleList } from '@/features/articles/components/article-list'
import { SourceList } from '@/features/articles/components/source-list'
import { parsePageParam } from '@/features/articles/utils/page-param'
import { formatCount } from '@/lib/format'

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const page = parsePageParam(new URL(request.url).searchParams) ?? notFound()
    await Promise.all([
      orSiteUpdated(queryClient.ensureQueryData(articleQueries.manifest())),
      orNotFound(queryClient.ensureQueryData(articleQueries.page({ page, source: null }))),
    ])
    return null
  }

export function Component() {
  const [searchParams] = useSearchParams()
  const location = useLocation()
  const page = parsePageParam(searchParams) ?? 1
  const { data: manifest } = useSuspenseQuery(articleQueries.manifest())
  const { data: list } = useSuspenseQuery(articleQueries.page({ page, source: null }))
  const pageNote = list.page > 1 ? `, page ${list.page} of ${list.pageCount}` : ''
  return (
    <div className="list-layout">
      <PageMeta
        title={`Latest news${pageNote}`}
        description={`The latest of ${formatCount(manifest.total, 'article', 'articles')} from ${formatCount(manifest.sources.length, 'source', 'sources')}${pageNote}.`}
        path={paths.home(list.page)}
      />
      <section className="list-main" aria-labelledby="list-heading">
        <h1 id="list-heading">
          Latest news
          {list.page > 1 ? <span className="heading-note"> · page {list.page}</span> : null}
        </h1>
        <p className="muted">{formatCount(manifest.total, 'article', 'articles')}, newest first</p>
        <ArticleList list={list} from={location.pathname + location.search} hrefFor={paths.home} />
      </section>
      <aside className="list-aside">
        <SourceList sources={manifest.sources} />
      </aside>
    </div>
  )
}
