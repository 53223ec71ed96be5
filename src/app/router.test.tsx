import { QueryClient } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { afterEach, expect, test, vi } from 'vitest'
import { dataPaths } from '@/lib/corpus/compiled'
import { makeArticle, makeItem, makeManifest, makePage, serveData } from '@/testing/data'
import { AppProvider } from './provider'
import { createRoutes } from './router'

afterEach(() => {
  vi.unstubAllGlobals()
})

function renderAt(path: string, files: Record<string, unknown>) {
  const { fetchMock, requests } = serveData(files)
  vi.stubGlobal('fetch', vi.fn(fetchMock))
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  })
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] })
  render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  )
  return { router, requests, files }
}

const items = [makeItem(1), makeItem(2), makeItem(3)]
const article = makeArticle(2, {
  prev: { id: items[0]!.id, slug: items[0]!.slug, title: items[0]!.title },
  paragraphs: ['<script>alert(1)</script> stays text.', 'Second paragraph.'],
})
const corpus = {
  [dataPaths.manifest()]: makeManifest(3),
  [dataPaths.listPage(1)]: makePage(items),
  [dataPaths.article(article.id)]: article,
}

test('the home page lists the latest articles with links and the sources', async () => {
  renderAt('/', corpus)
  expect(await screen.findByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  expect(screen.getByRole('link', { name: 'Story number 1' })).toHaveAttribute(
    'href',
    `/articles/${items[0]!.id}/story-number-1`,
  )
  expect(screen.getByRole('link', { name: 'Daily Test (3)' })).toHaveAttribute(
    'href',
    '/sources/daily-test',
  )
  expect(document.title).toBe('Latest news · Newsreader')
})

test('an article opens from the list, and its text is shown as text', async () => {
  const user = userEvent.setup()
  renderAt('/', corpus)
  await user.click(await screen.findByRole('link', { name: 'Story number 2' }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Story number 2' })).toBeVisible()
  expect(screen.getByText('<script>alert(1)</script> stays text.')).toBeVisible()
  expect(screen.getByRole('link', { name: /Previous article/ })).toHaveAttribute(
    'href',
    `/articles/${items[0]!.id}/story-number-1`,
  )
  expect(screen.getByRole('link', { name: '← Back to the list' })).toHaveAttribute('href', '/')
  expect(document.title).toBe('Story number 2 · Newsreader')
})

test('a short or stale article URL is replaced by the canonical one', async () => {
  const { router } = renderAt(`/articles/${article.id}/old-slug?q=x`, corpus)
  expect(await screen.findByRole('heading', { level: 1, name: 'Story number 2' })).toBeVisible()
  expect(router.state.location.pathname).toBe(`/articles/${article.id}/story-number-2`)
  expect(router.state.location.search).toBe('?q=x')
  expect(router.state.historyAction).toBe('REPLACE')
})

test.each([
  ['an unknown article id', '/articles/0123456789abcdef/x'],
  ['a malformed article id', '/articles/..%2F..%2Fetc/x'],
  ['a page past the end', '/?page=9'],
  ['a page that is not a number', '/?page=-1'],
  ['an unknown source', '/sources/nobody'],
  ['an unknown route', '/no/such/page'],
])('%s shows the not-found view with a way home', async (_name, path) => {
  renderAt(path, corpus)
  expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeVisible()
  expect(screen.getByRole('link', { name: 'Go to the latest articles' })).toHaveAttribute(
    'href',
    '/',
  )
  // The layout stays: the site's own link home is still there.
  expect(screen.getByRole('link', { name: 'Newsreader' })).toBeVisible()
})

test('a failed load says so and Retry loads the page once the fault is gone', async () => {
  const user = userEvent.setup()
  const files: Record<string, unknown> = {
    ...corpus,
    [dataPaths.article(article.id)]: { status: 500, body: 'oops' },
  }
  renderAt(`/articles/${article.id}/story-number-2`, files)
  expect(
    await screen.findByRole('heading', { level: 1, name: 'This page could not be loaded' }),
  ).toBeVisible()
  expect(screen.getByText(/answered 500/)).toBeVisible()
  files[dataPaths.article(article.id)] = article
  await user.click(screen.getByRole('button', { name: 'Retry' }))
  expect(await screen.findByRole('heading', { level: 1, name: 'Story number 2' })).toBeVisible()
})

test('data of the wrong shape is reported as damaged, not rendered', async () => {
  renderAt(`/articles/${article.id}/story-number-2`, {
    ...corpus,
    [dataPaths.article(article.id)]: { ...article, paragraphs: 'not a list' },
  })
  expect(await screen.findByText('The data for this page arrived damaged.')).toBeVisible()
})
