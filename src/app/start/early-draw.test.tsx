import { QueryClient } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { afterEach, expect, test, vi } from 'vitest'
import { AppProvider } from '@/app/provider'
import { createRoutes } from '@/app/router'
import type { SearchResult } from '@/lib/search/search-engine'
import { dataPaths } from '@/lib/corpus/compiled'
import { makeItem, makeManifest, makePage, serveData } from '@/testing/data'
import { searchQueries } from '@/features/search/api/search-queries'
import { readSearchParams, RESULTS_PAGE } from '@/features/search/utils/search-params'
import { drawSearchResults, markupToDom } from './early-draw'

afterEach(() => {
  vi.unstubAllGlobals()
})

// The early script and the app draw one description of the results (results-markup.ts), each
// with its own converter: the DOM's (early-draw.ts) and React's (components/ui/markup.tsx). These
// tests hold the two, and the early draw's heading, to the same page.

/**
 * A node as markup with its attributes sorted and adjacent text joined: what the page shows,
 * whatever order React or the DOM code set the attributes in.
 */
function canonical(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/[<&]/g, '\\$&')
  if (!(node instanceof Element)) return ''
  const attributes = [...node.attributes]
    .map((a) => `${a.name}="${a.value}"`)
    .sort()
    .join(' ')
  const children = [...node.childNodes].map(canonical).join('')
  const tag = node.tagName.toLowerCase()
  return `<${tag}${attributes === '' ? '' : ` ${attributes}`}>${children}</${tag}>`
}

/** The app at `path`, its search results for `seeded` already in the cache. */
async function renderApp(path: string, seeded?: SearchResult) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      serveData({
        [dataPaths.manifest()]: makeManifest(3),
        [dataPaths.listPage(1)]: makePage([makeItem(1), makeItem(2), makeItem(3)]),
      }).fetchMock,
    ),
  )
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity } },
  })
  if (seeded !== undefined) {
    const state = readSearchParams(new URL(path, 'http://localhost').searchParams)
    queryClient.setQueryData(
      searchQueries.results({ ...state, limit: RESULTS_PAGE }).queryKey,
      seeded,
    )
  }
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] })
  const view = render(
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>,
  )
  await screen.findByRole('heading', { level: 1 })
  const section = view.container.querySelector('section.search-view')
  if (!(section instanceof HTMLElement)) throw new Error(`no search view at ${path}`)
  return { section, unmount: view.unmount }
}

const hit = (n: number, overrides: Partial<SearchResult['hits'][number]> = {}) => ({
  id: n.toString(16).padStart(16, 'b'),
  slug: `story-${n}`,
  title: `Floods <b>& "storms" story ${n}`,
  source: 'Daily Test',
  sourceSlug: 'daily-test',
  date: '2024-03-0' + String(n),
  titleHighlights: [[0, 6] as const, [15, 21] as const, [30, 99] as const],
  excerpt: `…the floods rose; storms 🌊 followed ${n}…`,
  excerptHighlights: [[4, 10] as const],
  ...overrides,
})

const results: Record<string, SearchResult> = {
  corrected: {
    query: 'flods storms',
    correctedQuery: 'floods storms',
    total: 12,
    hits: [hit(1), hit(2, { source: null, sourceSlug: null, date: null, titleHighlights: [] })],
    sources: [
      { name: 'Daily Test', slug: 'daily-test', count: 1200 },
      { name: 'Other <Wire>', slug: 'other-wire', count: 3 },
    ],
    terms: ['floods', 'storms'],
    prefixTerm: null,
  },
  none: {
    query: 'zzz',
    correctedQuery: null,
    total: 0,
    hits: [],
    sources: [],
    terms: ['zzz'],
    prefixTerm: null,
  },
}

test.each([
  ['/search?q=flods+storms&source=other-wire&sort=newest', results.corrected!],
  ['/search?q=+flods+storms+', results.corrected!],
  ['/search?q=zzz', results.none!],
  ['/search?q=zzz&source=other-wire', results.none!],
])(
  'the early script draws %s as the app renders it: heading, status, filters, results',
  async (path, result) => {
    // What the page's HTML holds: the empty search, as prerendered.
    const empty = await renderApp('/search')
    const prerendered = empty.section.cloneNode(true) as HTMLElement
    empty.unmount()
    const state = readSearchParams(new URL(path, 'http://localhost').searchParams)
    drawSearchResults(prerendered, '', result, state)

    const app = await renderApp(path, result)
    expect(app.section.querySelector('.search-results')).not.toBeNull()
    // Each result's Save and read-state buttons are the running app's alone (a markup slot): one
    // per result there, none drawn early; the rest is the same page.
    const actions = [...app.section.querySelectorAll('.card > .story-actions')]
    expect(actions).toHaveLength(result.hits.length)
    for (const node of actions) node.remove()
    expect(canonical(prerendered)).toBe(canonical(app.section))
    app.unmount()
  },
)

test('the links carry the base path the site is served under', async () => {
  const section = document.createElement('section')
  section.innerHTML = '<h1>Search</h1><p>Latest</p>'
  drawSearchResults(
    section,
    '/news',
    results.corrected!,
    readSearchParams(new URLSearchParams('q=flods+storms')),
  )
  const hrefs = [...section.querySelectorAll('a')].map((a) => a.getAttribute('href'))
  expect(hrefs).toContain('/news/search?q=flods+storms&exact=1')
  expect(hrefs).toContain(`/news/articles/${hit(1).id}/story-1`)
  expect(hrefs).toContain('/news/sources/daily-test')
  expect(
    hrefs.filter((href) => !href?.startsWith('/news/')),
    'links outside the base path',
  ).toEqual([])
  expect(section.textContent).not.toContain('Latest')
})

test('markup becomes DOM nodes: attributes by their HTML names, text as text, links under the base', () => {
  const onClick = vi.fn()
  const node = markupToDom(document, '/news', {
    tag: 'p',
    attrs: { class: 'x', hidden: true, 'aria-current': false },
    children: [
      '<b>bold?</b> ',
      { tag: 'a', to: '/search?q=a', replace: true, state: { from: '/' }, children: ['go'] },
      { tag: 'button', attrs: { type: 'button' }, onClick, children: ['more'] },
    ],
  })
  expect(node instanceof HTMLElement ? node.outerHTML : null).toBe(
    '<p class="x" hidden="">&lt;b&gt;bold?&lt;/b&gt; ' +
      '<a href="/news/search?q=a" data-discover="true">go</a>' +
      '<button type="button">more</button></p>',
  )
  ;(node as HTMLElement).querySelector('button')?.click()
  expect(onClick).toHaveBeenCalledTimes(1)
})
