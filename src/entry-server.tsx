/**
 * Server rendering for the prerender step (scripts/site/prerender/): renders one URL of the app to HTML
 * with its data given up front, and returns the state the browser hydrates it with.
 */
import { dehydrate, hashKey } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { renderToString } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom'
import { serializeState, survivesMarkup, type PrerenderedState } from './app/start/prerendered'
import { AppProvider } from './app/provider'
import { createQueryClient } from './app/query-client'
import { basename, createRoutes } from './app/router'
import { articleQueries, type PageParams } from './features/articles/api/article-queries'
import type { ArticleData, ListPage, Manifest } from './lib/corpus/compiled'
import { formatDate, parseShownDate } from './lib/format'

export type Seed = {
  manifest?: Manifest
  page?: { params: PageParams; data: ListPage }
  article?: ArticleData
}

export type Rendered = {
  /** The hoisted <title>, <meta> and <link> elements the page rendered, for the document head. */
  head: string
  /** The app's markup, for inside #root. */
  body: string
  /** The prerendered state as JSON safe to put in a <script type="application/json">. */
  stateJson: string
}

const HOISTED = /^(?:<title>[\s\S]*?<\/title>|<meta [^>]*\/>|<link [^>]*\/>)*/

export async function renderPage(path: string, seed: Seed): Promise<Rendered> {
  const queryClient = createQueryClient()
  if (seed.manifest) queryClient.setQueryData(articleQueries.manifest().queryKey, seed.manifest)
  if (seed.page)
    queryClient.setQueryData(articleQueries.page(seed.page.params).queryKey, seed.page.data)
  if (seed.article) {
    queryClient.setQueryData(articleQueries.detail(seed.article.id).queryKey, seed.article)
  }
  const routes = createRoutes(queryClient)
  const handler = createStaticHandler(routes, { basename })
  const prefix = basename === '/' ? '' : basename
  const context = await handler.query(new Request(`http://localhost${prefix}${path}`))
  if (context instanceof Response) {
    throw new Error(`${path} answered with a redirect to ${context.headers.get('Location')}`)
  }
  if (context.errors) {
    throw new Error(`${path} did not render: ${JSON.stringify(context.errors).slice(0, 300)}`)
  }
  const router = createStaticRouter(handler.dataRoutes, context)
  const html = renderToString(
    <StrictMode>
      <AppProvider queryClient={queryClient}>
        <StaticRouterProvider router={router} context={context} hydrate={false} />
      </AppProvider>
    </StrictMode>,
  )
  const head = HOISTED.exec(html)?.[0] ?? ''
  // React puts the page's <title>, <meta> and <link> elements first in its markup; should it put
  // them anywhere else, every page would lose its head tags without a word.
  if (!head.includes('<title>')) {
    throw new Error(
      `${path}: React's markup does not start with the page's <title> (PageMeta's head tags), where the prerender takes them from: ${html.slice(0, 120)}`,
    )
  }
  const state = withoutTextInPage(
    {
      path,
      queries: dehydrate(queryClient),
      router: { loaderData: context.loaderData, actionData: null, errors: null },
    },
    seed.article,
  )
  // Drop the cache and its garbage-collection timers, which would keep the process alive.
  queryClient.clear()
  return { head, body: html.slice(head.length), stateJson: serializeState(state) }
}

/**
 * The state without the article's paragraphs and related stories, which the page's markup holds
 * and the browser takes back from it (PrerenderedState.textInPage); each kept in the state when
 * one of them would not come back as written.
 */
function withoutTextInPage(state: PrerenderedState, article?: ArticleData): PrerenderedState {
  if (!article?.paragraphs.every(survivesMarkup)) return state
  const queryHash = hashKey(articleQueries.detail(article.id).queryKey)
  // The related stories, too, when each would come back as written and reads the same again.
  const related = article.related ?? []
  const relatedInPage =
    related.length > 0 &&
    related.every(
      (link) =>
        survivesMarkup(link.title) &&
        (link.source === null || survivesMarkup(link.source)) &&
        (link.date === null || parseShownDate(formatDate(link.date)) !== null),
    )
  const text = relatedInPage ? { paragraphs: [], related: [] } : { paragraphs: [] }
  let found = false
  const queries = state.queries.queries.map((q) => {
    if (q.queryHash !== queryHash) return q
    found = true
    return { ...q, state: { ...q.state, data: { ...article, ...text } } }
  })
  if (!found) return state
  return {
    ...state,
    queries: { ...state.queries, queries },
    textInPage: {
      queryHash,
      paragraphs: article.paragraphs.length,
      ...(relatedInPage ? { related: related.length } : {}),
    },
  }
}
