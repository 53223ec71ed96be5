import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import {
  Link,
  useLocation,
  useParams,
  useSearchParams,
  type LoaderFunctionArgs,
} from 'react-router-dom'
import { notFound, orNotFound } from '@/app/not-found'
import { paths } from '@/config/paths'
import { PageMeta } from '@/components/seo/page-meta'
import { articleQueries } from '@/features/articles/api/article-queries'
import { ArticleList } from '@/features/articles/components/article-list'
import { parsePageParam } from '@/features/articles/utils/page-param'
import { formatCount } from '@/lib/format'

const SOURCE_SLUG = /^[a-z0-9-]{1,100}$/

function sourceParam(value: string | undefined): string | null {
  return value !== undefined && SOURCE_SLUG.test(value) ? value : null
}

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ request, params }: LoaderFunctionArgs) => {
    const source = sourceParam(params.source) ?? notFound()
    const page = parsePageParam(new URL(request.url).searchParams) ?? notFound()
    await orNotFound(queryClient.ensureQueryData(articleQueries.page({ page, source })))
    return null
  }

export function Component() {
  const params = useParams()
  const [searchParams] = useSearchParams()
  const location = useLocation()
  const source = sourceParam(params.source) ?? ''
  const page = parsePageParam(searchParams) ?? 1
  const { data: list } = useSuspenseQuery(articleQueries.page({ page, source }))
  const name = list.source?.name ?? source
  const pageNote = list.page > 1 ? `, page ${list.page} of ${list.pageCount}` : ''
  return (
    <section className="list-main" aria-labelledby="list-heading">
      <PageMeta
        title={`${name}${pageNote}`}
        description={`${formatCount(list.total, 'article', 'articles')} from ${name}, newest first${pageNote}.`}
        path={paths.source(source, list.page)}
      />
      <h1 id="list-heading">{name}</h1>
      <p className="muted">
        {formatCount(list.total, 'article', 'articles')}, newest first ·{' '}
        <Link to={paths.home()}>all sources</Link>
      </p>
      <ArticleList
        list={list}
        from={location.pathname + location.search}
        hrefFor={(p) => paths.source(source, p)}
      />
    </section>
  )
}
