import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, expect, it } from 'vitest'
import { boundInactiveQueries } from './bounded-query-cache'

const clients: QueryClient[] = []

afterEach(() => {
  for (const client of clients.splice(0)) client.clear()
})

function boundedClient(max: number): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } })
  clients.push(client)
  boundInactiveQueries(client, ['articles', 'detail'], max)
  return client
}

function cachedIds(client: QueryClient): string[] {
  return client
    .getQueryCache()
    .findAll({ queryKey: ['articles', 'detail'] })
    .map((query) => String(query.queryKey[2]))
    .sort()
}

/** A component reading the query, as far as the cache can tell. */
function observe(client: QueryClient, id: string): () => void {
  const observer = new QueryObserver(client, {
    queryKey: ['articles', 'detail', id],
    queryFn: () => `article ${id}`,
  })
  return observer.subscribe(() => {})
}

it('keeps only the most recent inactive queries under the key', () => {
  const client = boundedClient(3)
  for (const id of ['a', 'b', 'c', 'd', 'e']) {
    client.setQueryData(['articles', 'detail', id], `article ${id}`)
  }
  expect(cachedIds(client)).toEqual(['c', 'd', 'e'])
})

it('forgets the least recently used, counting a read as a use', () => {
  const client = boundedClient(3)
  for (const id of ['a', 'b', 'c']) client.setQueryData(['articles', 'detail', id], id)
  // The reader goes back to "a": it becomes the most recently used.
  observe(client, 'a')()
  client.setQueryData(['articles', 'detail', 'd'], 'd')
  expect(cachedIds(client)).toEqual(['a', 'c', 'd'])
})

it('never removes a query in use, and leaves other keys alone', () => {
  const client = boundedClient(1)
  client.setQueryData(['articles', 'manifest'], 'manifest')
  client.setQueryData(['articles', 'page', { page: 1 }], 'page 1')
  client.setQueryData(['articles', 'detail', 'a'], 'a')
  const stop = observe(client, 'a')
  for (const id of ['b', 'c', 'd']) client.setQueryData(['articles', 'detail', id], id)
  expect(cachedIds(client)).toEqual(['a', 'd'])
  expect(client.getQueryData(['articles', 'manifest'])).toBe('manifest')
  expect(client.getQueryData(['articles', 'page', { page: 1 }])).toBe('page 1')
  stop()
  // Once "a" is no longer read, the bound applies to it as well: "d" was used before it stopped.
  expect(cachedIds(client)).toEqual(['a'])
})
