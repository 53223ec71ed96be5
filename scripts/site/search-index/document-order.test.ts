// @vitest-environment node
import { expect, it } from 'vitest'
import { articleStub } from './article-stub.ts'
import { documentOrder } from './document-order.ts'

const article = (id: string, source: string | null) => articleStub({ id, source })

it('numbers documents source by source in name order, articles without a source last', () => {
  // Newest first, as the emitter hands them over.
  const articles = [
    article('a', 'Trend'),
    article('b', null),
    article('c', 'AP'),
    article('d', 'Trend'),
    article('e', null),
    article('f', 'AP'),
  ]
  const order = documentOrder(articles)
  expect(Array.from(order.rankOf)).toEqual([2, 5, 0, 3, 1, 4])
  expect(order.sources).toEqual([
    { name: 'AP', slug: 'ap', start: 0, count: 2 },
    { name: 'Trend', slug: 'trend', start: 2, count: 2 },
  ])
  expect(order.unsourced).toEqual({ start: 4, count: 2 })
  expect(order.slugs.get('Trend')).toBe('trend')
})

it('orders an empty corpus', () => {
  const order = documentOrder([])
  expect(order.rankOf.length).toBe(0)
  expect(order.sources).toEqual([])
  expect(order.unsourced).toEqual({ start: 0, count: 0 })
})
