import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query'
import { replace, useLocation, useParams, type LoaderFunctionArgs } from 'react-router-dom'
import { notFound, orNotFound } from '@/app/not-found'
import { paths } from '@/config/paths'
import { PageMeta } from '@/components/seo/page-meta'
import { articleQueries } from '@/features/articles/api/article-queries'
import { ArticleView } from '@/features/articles/components/article-view'
import { highlightRanges, type Highlight } from '@/lib/search/excerpt'
import { backPath } from '@/features/articles/utils/back-link'
import { ARTICLE_ID_PATTERN } from '@/lib/corpus/compiled'

/** The words to mark when the reader came from a search result (kept in the history entry). */
function searchHighlight(state: unknown): ((text: string) => Highlight[]) | undefined {
  if (typeof state !== 'object' || state === null || !('highlight' in state)) return undefined
  const highlight = state.highlight
  if (typeof highlight !== 'object' || highlight === null) return undefined
  const terms = 'terms' in highlight ? highlight.terms : null
  const prefix = 'prefix' in highlight ? highlight.prefix : null
  if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) return undefined
  if (prefix !== null && typeof prefix !== 'string') return undefined
  return (text) => highlightRanges(text, terms, prefix)
}

function idParam(value: string | undefined): string | null {
  return value !== undefined && ARTICLE_ID_PATTERN.test(value) ? value : null
}

export const clientLoader =
  (queryClient: QueryClient) =>
  async ({ request, params }: LoaderFunctionArgs) => {
    const id = idParam(params.id) ?? notFound()
    const article = await orNotFound(queryClient.ensureQueryData(articleQueries.detail(id)))
    if ((params.slug ?? '') !== article.slug) {
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
  // The list the reader came from in this tab, if any.
  const cameFrom = backPath(location.state, '')
  return (
    <>
      <PageMeta
        title={article.title}
        description={article.excerpt}
        path={paths.article(article.id, article.slug)}
        type="article"
        published={article.date}
        source={article.source}
        author={article.author}
        language={article.language}
      />
      <ArticleView
        article={article}
        backTo={cameFrom || paths.home(article.listPage)}
        backIsHistory={cameFrom !== ''}
        highlight={searchHighlight(location.state)}
      />
    </>
  )
}
