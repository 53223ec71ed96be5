import { expect, test } from 'vitest'
import { appPath } from './prerendered'

test('a page under the site sub-path is known by the path it was prerendered for', () => {
  expect(appPath('/news/', '/news')).toBe('/')
  expect(appPath('/news', '/news')).toBe('/')
  expect(appPath('/news/articles/e2e0000000000058/x', '/news')).toBe('/articles/e2e0000000000058/x')
  expect(appPath('/articles/e2e0000000000058/x', '/')).toBe('/articles/e2e0000000000058/x')
  // Another site's path on the same host is not this one's.
  expect(appPath('/newsroom/', '/news')).toBe('/newsroom/')
})
