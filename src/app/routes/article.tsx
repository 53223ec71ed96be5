import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { replace, useLocation, useParams, type LoaderFunctionArgs } from 'react-router-dom'
import { notFound, orNotFound } from '@/app/not-found'
import { paths } from '@/config/paths'
import { site } from '@/config/site'
import { articleQueries } from '@/features/articles/api/article-queries'
import { ArticleView } from '@/features/articles/components/article-view'
import { backPath } from '@/features/articles/utils/back-link'
import { ARTICLE_ID_PATTERN } from '@/lib/corpus/compiled'

function idParam(value: string | undefined): string | null {
  return value !== undefined && ARTICLE_ID_PATTERN.test(value) ? value : null
}

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ request, params }: LoaderFunctionArgs) => {
    const id = idParam(params.id) ?? notFound()
    const article = await orNotFound(queryClient.ensureQueryData(articleQueries.detail(id)))
    if (params.slug !== article.slug) {
      // /articles/:id and stale slugs become the canonical URL, replacing the history entry.
      return replace(paths.article(id, article.slug) + new URL(request.url).search)
    }
    return null
  }

export function Component() {
  const params = useParams()
  const location = useLocation()
  const id = idParam(params.id) ?? ''
  const { data: article } = useSuspenseQuery(articleQueries.detail(id))
  return (
    <>
      <title>{`${article.title} · ${site.name}`}</title>
      <meta name="description" content={article.excerpt} />
      <ArticleView
        article={article}
        backTo={backPath(location.state, paths.home(article.listPage))}
      />
    </>
  )
}
