import { hydrate } from '@tanstack/react-query'
import { StrictMode, startTransition, useLayoutEffect } from 'react'
import type * as ReactDomClient from 'react-dom/client'
import { matchRoutes } from 'react-router-dom'
import { earlyDrawn, takePage } from '@/lib/page-handover'
import { registerServiceWorker } from '@/lib/register-service-worker'
import { yieldToMain } from '@/lib/yield-to-main'
import { App } from '../app'
import { createQueryClient } from '../query-client'
import { basename, createRouter, createRoutes } from '../router'
import { clearMismatch } from './page-check'
import { appPath, PRERENDERED_STATE_ID, readPrerenderedState } from './prerendered'

/**
 * The app's start, which `src/main.tsx` runs once the page's boot script has loaded it (after the
 * first paint: scripts/site/startup/defer-entry.ts). A page prerendered for this very URL is
 * hydrated as it is; any other page (the shell, another URL's prerendered page, the search page
 * for a shared link) is rendered anew. docs/startup.md follows each kind of page from its first
 * byte to here.
 */
export function start(): Promise<void> {
  // Registering the service worker is a task of its own, after the start's first steps.
  return startApp().finally(registerServiceWorker)
}

type ReactDom = typeof ReactDomClient

async function startApp() {
  // Evaluating the entry (React, the router, the query cache) is one task; the work below runs in
  // tasks of its own, so no single task holds the main thread for the whole start.
  await yieldToMain()
  const reactDom = loadReactDom()
  const container = document.getElementById('root')
  if (!container) throw new Error('index.html has no #root element')
  const queryClient = createQueryClient()
  const path = appPath(window.location.pathname, basename) + window.location.search
  const state = readPrerenderedState(document, path)
  if (!state) {
    // A prerendered page answering another URL (the host serves the prerendered `/` for
    // `/?page=2`): its markup and head tags are not this page's, and the app renders anew.
    await renderAnew(container, queryClient, await reactDom)
    return
  }
  // Hydrate the prerendered HTML: the cache and the router start from the state it was rendered
  // with, and the lazy route modules it needs are loaded first, so the first render matches.
  hydrate(queryClient, state.queries)
  const routes = createRoutes(queryClient)
  const matches = matchRoutes(routes, window.location, basename) ?? []
  await yieldToMain()
  try {
    await Promise.all(
      matches.map(async ({ route }) => {
        if (typeof route.lazy !== 'function') return
        const module = await route.lazy()
        Object.assign(route, { ...module, lazy: undefined })
      }),
    )
  } catch {
    // A route chunk failed to load (a redeploy removed it, or the network went): render anew, so
    // the router loads the route itself and its error boundary says what happened.
    await renderAnew(container, queryClient, await reactDom)
    return
  }
  await yieldToMain()
  const router = createRouter(routes, state.router)
  const { hydrateRoot } = await reactDom
  takePage(document)
  // The page is this URL's own: should the head script have hidden it, it is shown as it is.
  clearMismatch(document)
  // As a transition, hydration yields to the browser every few milliseconds instead of holding
  // the main thread for the whole page: a tap during it is handled sooner.
  startTransition(() => {
    hydrateRoot(
      container,
      <StrictMode>
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    )
  })
}

/**
 * React DOM, the largest library, is a chunk of its own, which the boot script fetches along with
 * the entry (scripts/site/startup/defer-entry.ts): evaluated on its own, it is a task apart from
 * the entry's evaluation, and what uses it starts in the task after.
 */
async function loadReactDom(): Promise<ReactDom> {
  const module = await import('react-dom/client')
  await yieldToMain()
  return module
}

async function renderAnew(
  container: HTMLElement,
  queryClient: ReturnType<typeof createQueryClient>,
  { createRoot }: ReactDom,
) {
  removePrerenderedHead(document)
  // From here on the search page's early script draws nothing: whether it drew is settled.
  takePage(document)
  const router = createRouter(createRoutes(queryClient))
  // Results the search page's early script drew are the page's own: they stay on screen until
  // the router has the route's code and data, since a render before would show the route's
  // skeleton in their place for a moment. (Another URL's prerendered page, hidden behind a
  // skeleton since its first paint, or the empty shell, gives way to the route's skeleton at once.)
  if (earlyDrawn(container)) await routerReady(router)
  await yieldToMain()
  // A transition too: the prerendered page stays on screen, and the first render yields to input.
  startTransition(() => {
    createRoot(container).render(
      <StrictMode>
        <MismatchCleared />
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    )
  })
}

/**
 * A page prerendered for another URL has its content hidden and a skeleton drawn in its place
 * (page-check.ts) until the app's first render replaces that content: cleared in the commit that
 * does, before it paints, so neither the other page nor a blank frame shows in between.
 */
function MismatchCleared() {
  useLayoutEffect(() => clearMismatch(document), [])
  return null
}

/** Resolves once the router's first navigation has its route modules and loader data. */
function routerReady(router: ReturnType<typeof createRouter>): Promise<void> {
  if (router.state.initialized) return Promise.resolve()
  return new Promise((resolve) => {
    const unsubscribe = router.subscribe((state) => {
      if (!state.initialized) return
      unsubscribe()
      resolve()
    })
  })
}

/** The tags the page's render put in the head (PageMeta's), which the app's own render replaces. */
function removePrerenderedHead(doc: Document) {
  if (!doc.getElementById(PRERENDERED_STATE_ID)) return
  const tags = doc.head.querySelectorAll(
    'title, meta[name="description"], meta[name="robots"], meta[property], meta[name^="twitter:"], link[rel="canonical"]',
  )
  for (const tag of tags) tag.remove()
}
