import type { QueryClient } from '@tanstack/react-query'
import {
  createBrowserRouter,
  replace,
  type HydrationState,
  type LoaderFunction,
  type RouteObject,
} from 'react-router-dom'
import { NotFound } from '@/components/errors/not-found'
import { explainLoadFailure } from '@/lib/deployment'
import { repairPercentEncoding } from '@/lib/percent-encoding'
import { ArticleSkeleton, ListSkeleton } from '@/features/articles/components/skeletons'
import { AppLayout } from './layout'
import { RouteErrorBoundary } from './route-error'

type RouteModule = {
  Component: React.ComponentType
  clientLoader?: (queryClient: QueryClient) => LoaderFunction
}

/** Turns a lazily imported route module into what the router reads, its loader bound to the cache. */
const convert =
  (queryClient: QueryClient) =>
  ({ Component, clientLoader }: RouteModule) => ({
    Component,
    loader: clientLoader?.(queryClient),
  })

/** A route module that did not load: the site was redeployed (its chunk is gone), or offline. */
async function failedChunk(error: unknown): Promise<never> {
  throw await explainLoadFailure(error)
}

/** The route tree; tests mount it in a memory router. */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  const load = convert(queryClient)
  return [
    {
      Component: AppLayout,
      children: [
        {
          ErrorBoundary: RouteErrorBoundary,
          children: [
            {
              index: true,
              HydrateFallback: ListSkeleton,
              lazy: () => import('./routes/home').then(load, failedChunk),
            },
            {
              path: 'sources/:source',
              HydrateFallback: ListSkeleton,
              lazy: () => import('./routes/source').then(load, failedChunk),
            },
            {
              path: 'search',
              HydrateFallback: ListSkeleton,
              lazy: () => import('./routes/search').then(load, failedChunk),
            },
            {
              path: 'articles/:id/:slug?',
              HydrateFallback: ArticleSkeleton,
              lazy: () => import('./routes/article').then(load, failedChunk),
            },
            // The reader's own views: what this browser keeps, with no prerendered page.
            {
              path: 'saved',
              HydrateFallback: ListSkeleton,
              lazy: () => import('./routes/saved').then(load, failedChunk),
            },
            {
              path: 'history',
              HydrateFallback: ListSkeleton,
              lazy: () => import('./routes/history').then(load, failedChunk),
            },
            // Hosts answer /index.html with the home page: it is the home page.
            { path: 'index.html', loader: () => replace('/') },
            { path: '*', Component: NotFound },
          ],
        },
      ],
    },
  ]
}

export const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/'

export function createRouter(routes: RouteObject[], hydrationData?: HydrationState) {
  // A typed or linked URL with malformed percent-encoding: shown as the literal text it is, so
  // the router matches it (to a not-found) instead of failing to decode it.
  const { pathname, search, hash } = window.location
  const repaired = repairPercentEncoding(pathname)
  if (repaired !== pathname) {
    window.history.replaceState(window.history.state, '', `${repaired}${search}${hash}`)
  }
  return createBrowserRouter(routes, { basename, hydrationData })
}
