import { hydrate } from '@tanstack/react-query'
import { StrictMode, startTransition } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { matchRoutes } from 'react-router-dom'
import { App } from './app/app'
import { PRERENDERED_STATE_ID, readPrerenderedState } from './app/prerendered'
import { createQueryClient } from './app/query-client'
import { basename, createRouter, createRoutes } from './app/router'
import { registerServiceWorker } from './lib/register-service-worker'
import { yieldToMain } from './lib/yield-to-main'
import './index.css'

async function start() {
  // Evaluating the entry (React, the router, the query cache) is one task; the work below runs in
  // tasks of its own, so no single task holds the main thread for the whole start.
  await yieldToMain()
  const container = document.getElementById('root')
  if (!container) throw new Error('index.html has no #root element')
  const queryClient = createQueryClient()
  const state = readPrerenderedState(document, window.location.pathname + window.location.search)
  if (!state) {
    // A prerendered page answering another URL (the host serves the prerendered `/` for
    // `/?page=2`): its markup and head tags are not this page's, and the app renders anew.
    renderAnew(container, queryClient)
    return
  }
  // Hydrate the prerendered HTML: the cache and the router start from the state it was rendered
  // with, and the lazy route modules it needs are loaded first, so the first render matches.
  hydrate(queryClient, state.queries)
  const routes = createRoutes(queryClient)
  const matches = matchRoutes(routes, window.location, basename) ?? []
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
    renderAnew(container, queryClient)
    return
  }
  await yieldToMain()
  const router = createRouter(routes, state.router)
  await yieldToMain()
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

function renderAnew(container: HTMLElement, queryClient: ReturnType<typeof createQueryClient>) {
  removePrerenderedHead(document)
  const router = createRouter(createRoutes(queryClient))
  // A transition too: the prerendered page stays on screen, and the first render yields to input.
  startTransition(() => {
    createRoot(container).render(
      <StrictMode>
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    )
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

void start()
registerServiceWorker()
