// @vitest-environment node
import { expect, test } from 'vitest'
import { caddyRedirects, nginxRedirects, shortLinkTable } from './redirects.ts'

const articles = [{ id: 'e2e0000000000058', slug: 'youth-orchestra-reports-progress' }]

test('each short URL maps to its canonical URL, under the base path', () => {
  expect(shortLinkTable('', articles)).toEqual([
    ['/articles/e2e0000000000058', '/articles/e2e0000000000058/youth-orchestra-reports-progress'],
  ])
  expect(shortLinkTable('/news', articles)).toEqual([
    [
      '/news/articles/e2e0000000000058',
      '/news/articles/e2e0000000000058/youth-orchestra-reports-progress',
    ],
  ])
})

test('the nginx and Caddy tables have one entry a line in their own syntax', () => {
  const table = shortLinkTable('', articles)
  expect(nginxRedirects(table).split('\n').slice(1)).toEqual([
    '/articles/e2e0000000000058 /articles/e2e0000000000058/youth-orchestra-reports-progress;',
    '',
  ])
  expect(caddyRedirects(table).split('\n').slice(1)).toEqual([
    '/articles/e2e0000000000058 /articles/e2e0000000000058/youth-orchestra-reports-progress',
    '',
  ])
})

test('a path a config file would misread fails the build', () => {
  expect(() => shortLinkTable('', [{ id: 'e2e0000000000058', slug: 'a b;' }])).toThrow(
    /cannot be written into a server's config/,
  )
})

test('an article without a slug has no redirect: its short URL is its page', () => {
  const table = shortLinkTable('', [...articles, { id: 'e2e00000000000aa', slug: '' }])
  expect(table.map(([from]) => from)).toEqual(['/articles/e2e0000000000058'])
})
