import { QueryClient } from '@tanstack/react-query'
import { act, render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { afterEach, expect, test, vi } from 'vitest'
import { dataPaths } from '@/lib/corpus/compiled'
import { makeArticle, makeItem, makeManifest, makePage, serveData } from '@/testing/data'
import { AppProvider } from './provider'
import { createRoutes } from './router'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const items = [makeItem(1), makeItem(2)]
const article = makeArticle(2)
const files = {
  [dataPaths.manifest()]: makeManifest(2),
  [dataPaths.listPage(1)]: makePage(items),
}

/** Serves `files`; the article's own data file answers with `answer`. */
function renderArticle(answer: () => Promise<Response>) {
  const { fetchMock } = serveData(files)
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
      return url.endsWith(dataPaths.article(article.id)) ? answer() : fetchMock(input)
    }),
  )
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  })
  const router = createMemoryRouter(createRoutes(queryClient), {
    initialEntries: [`/articles/${article.id}/${article.slug}`],
  })
  render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  )
}

/** The lazy route module loads first, which takes a while on a busy machine. */
const SLOW = { timeout: 10_000 }

const HOME_PAGE = '<!doctype html><html lang="en"><head><title>Newsreader</title></head></html>'

test('an article whose data file a host answers with its home page (200) is not found', async () => {
  renderArticle(async () => new Response(HOME_PAGE, { headers: { 'Content-Type': 'text/html' } }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Not found' }, SLOW)).toBeVisible()
  expect(screen.queryByText(/arrived damaged/)).toBeNull()
})

test('an article whose data file is damaged says so', async () => {
  renderArticle(
    async () => new Response('{"id": "trunc', { headers: { 'Content-Type': 'application/json' } }),
  )
  expect(
    await screen.findByRole('heading', { level: 1, name: 'This page could not be loaded' }, SLOW),
  ).toBeVisible()
  expect(screen.getByText('The data for this page arrived damaged.')).toBeVisible()
})

test('a request that failed before the browser reported the network gone turns into "You are offline"', async () => {
  let online = true
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online)
  renderArticle(async () => {
    throw new TypeError('Failed to fetch')
  })
  expect(
    await screen.findByRole('heading', { level: 1, name: 'This page could not be loaded' }, SLOW),
  ).toBeVisible()

  // The browser reports it after the failure: the view follows.
  online = false
  act(() => {
    window.dispatchEvent(new Event('offline'))
  })
  expect(await screen.findByRole('heading', { level: 1, name: 'You are offline' })).toBeVisible()
  expect(
    screen.getByText(
      'This article has not been saved for offline reading. Connect to the internet to read it.',
    ),
  ).toBeVisible()
  expect(screen.getByRole('button', { name: 'Retry' })).toBeVisible()
})
