import { expect, test } from 'vitest'
import { readSearchParams, searchHref } from './search-params'

test('reads the search state from the URL, falling back on anything odd', () => {
  expect(readSearchParams(new URLSearchParams('q=baku&source=news-az&sort=newest'))).toEqual({
    q: 'baku',
    source: 'news-az',
    sort: 'newest',
    exact: false,
  })
  expect(
    readSearchParams(new URLSearchParams('q=x&source=<script>&sort=oldest&exact=yes')),
  ).toEqual({ q: 'x', source: null, sort: 'relevance', exact: false })
  expect(readSearchParams(new URLSearchParams(`q=${'a'.repeat(10_000)}`)).q).toHaveLength(200)
  expect(readSearchParams(new URLSearchParams('')).q).toBe('')
})

test('writes only what differs from the defaults, encoded', () => {
  expect(searchHref({ q: 'a b&c' })).toBe('/search?q=a+b%26c')
  expect(searchHref({ q: 'x', source: 'news-az', sort: 'newest', exact: true })).toBe(
    '/search?q=x&source=news-az&sort=newest&exact=1',
  )
})

test('control characters in the query are spaces, so a query of them is the empty search', () => {
  expect(readSearchParams(new URLSearchParams('q=%00%01%1b')).q.trim()).toBe('')
  expect(readSearchParams(new URLSearchParams('q=baku%00news%0Aaz')).q).toBe('baku news az')
})
