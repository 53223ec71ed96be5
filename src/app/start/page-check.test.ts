import { expect, test } from 'vitest'
import { clearMismatch, markMismatchedPage } from './page-check'

/** A page prerendered for `renderedFor` (no attribute: the shell), opened at `url`. */
function open(renderedFor: string | null, url: string) {
  const doc = document.implementation.createHTMLDocument()
  if (renderedFor !== null) doc.documentElement.dataset.path = renderedFor
  markMismatchedPage(doc, new URL(url, 'https://news.example'))
  return doc.documentElement.dataset.pageMismatch ?? null
}

test.each([
  ['the home page', '/', '/'],
  ['a source page', '/sources/harbor-gazette', '/sources/harbor-gazette'],
  ['an article', '/articles/e2e01/a-story', '/articles/e2e01/a-story'],
  ['the empty search', '/search', '/search'],
  ['a page under a sub-path', '/news/', '/news/'],
  ['a link with a fragment', '/articles/e2e01/a-story', '/articles/e2e01/a-story#comments'],
  ['a path written unencoded', '/sources/café', '/sources/caf%C3%A9'],
])('%s opened at its own URL is shown as it is', (_, renderedFor, url) => {
  expect(open(renderedFor, url)).toBeNull()
})

test.each([
  ['the home page for page 2 of the list', '/', '/?page=2', 'list'],
  [
    'a source page for its page 3',
    '/sources/harbor-gazette',
    '/sources/harbor-gazette?page=3',
    'list',
  ],
  ['the home page for a search', '/', '/search?q=funding', 'list'],
  ['the empty search for a search', '/search', '/search?q=funding', 'list'],
  ['the home page for an unknown path', '/', '/no/such/page', 'list'],
  ['the home page for an unknown article', '/', '/articles/ffff', 'article'],
  ['the home page for an article', '/news/', '/news/articles/e2e01/a-story', 'article'],
])('%s is marked, with the skeleton to draw', (_, renderedFor, url, skeleton) => {
  expect(open(renderedFor, url)).toBe(skeleton)
})

test('a page with no URL of its own (the shell, 404.html) is never marked', () => {
  expect(open(null, '/search?q=funding')).toBeNull()
  expect(open(null, '/?page=2')).toBeNull()
})

test('the mark is cleared once the page shows what its URL asks for', () => {
  const doc = document.implementation.createHTMLDocument()
  doc.documentElement.dataset.path = '/'
  markMismatchedPage(doc, new URL('https://news.example/?page=2'))
  expect(doc.querySelector('html[data-page-mismatch]')).not.toBeNull()
  clearMismatch(doc)
  expect(doc.querySelector('html[data-page-mismatch]')).toBeNull()
  // The early draw and the app both clear it, in either order.
  expect(() => clearMismatch(doc)).not.toThrow()
})
