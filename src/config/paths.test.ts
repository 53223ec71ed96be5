import { expect, test } from 'vitest'
import { paths } from './paths'

test('an article URL is its id and slug, or its id alone when the title has no slug', () => {
  expect(paths.article('e2e0000000000058', 'youth-orchestra')).toBe(
    '/articles/e2e0000000000058/youth-orchestra',
  )
  expect(paths.article('e2e0000000000058', '')).toBe('/articles/e2e0000000000058')
})
