import { expect, test } from 'vitest'
import { repairPercentEncoding } from './percent-encoding'

test('a path that decodes is left exactly as it is', () => {
  for (const path of [
    '/',
    '/articles/e2e0000000000058/a-slug',
    '/articles/%D0%B0bc',
    '/sources/a%20b',
    '/%2e%2e%2f',
  ]) {
    expect(repairPercentEncoding(path)).toBe(path)
  }
})

test('a segment with malformed percent-encoding becomes the literal text, and decodes', () => {
  expect(repairPercentEncoding('/articles/%E0%A4%A')).toBe('/articles/%25E0%25A4%25A')
  expect(repairPercentEncoding('/%')).toBe('/%25')
  expect(repairPercentEncoding('/articles/%E0%A4%A/ok%20slug')).toBe(
    '/articles/%25E0%25A4%25A/ok%20slug',
  )
  for (const path of ['/articles/%E0%A4%A', '/%', '/%ZZ/%C3', '/a/%FF%FE']) {
    const repaired = repairPercentEncoding(path)
    expect(() => decodeURIComponent(repaired)).not.toThrow()
    expect(decodeURIComponent(repaired)).toBe(path)
  }
})
