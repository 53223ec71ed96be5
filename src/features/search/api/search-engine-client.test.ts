import { beforeEach, expect, test, vi } from 'vitest'
import type { SearchResult } from '@/lib/search/search-engine'
import type { SearchParams } from './search-engine-client'

// The engine stands in: each search call is counted and answered by the test.
const engine = vi.hoisted(() => ({
  search: vi.fn<(query: string) => Promise<SearchResult>>(),
  prepare: vi.fn(() => Promise.resolve()),
}))
vi.mock('@/lib/search/search-engine', () => ({ createSearchEngine: () => engine }))

const params: SearchParams = {
  q: 'floods',
  source: null,
  sort: 'relevance',
  limit: 10,
  exact: false,
}
const result = (q: string) => ({ query: q }) as unknown as SearchResult

/** A fresh copy of the module, so no early search carries over from another test. */
async function client() {
  vi.resetModules()
  return import('./search-engine-client')
}

beforeEach(() => {
  engine.search.mockReset()
  engine.search.mockImplementation((q) => Promise.resolve(result(q)))
})

test("the app's first search takes over the early one: the engine searches once", async () => {
  const { search, startSearchEarly } = await client()
  startSearchEarly(params)
  // Without a Worker (jsdom) the engine runs on the page, its code loaded on the first call.
  await vi.waitFor(() => expect(engine.search).toHaveBeenCalledTimes(1))
  await expect(search({ ...params })).resolves.toEqual(result('floods'))
  expect(engine.search).toHaveBeenCalledTimes(1)
})

test('the early search is taken once: the same search asked again runs anew', async () => {
  const { search, startSearchEarly } = await client()
  startSearchEarly(params)
  await search(params)
  await search(params)
  expect(engine.search).toHaveBeenCalledTimes(2)
})

test('another search does not take it, and it is dropped', async () => {
  const { search, startSearchEarly } = await client()
  startSearchEarly(params)
  await expect(search({ ...params, sort: 'newest' })).resolves.toEqual(result('floods'))
  await search(params)
  expect(engine.search).toHaveBeenCalledTimes(3)
})

test('an early failure is reported to the app once; its retry searches anew', async () => {
  engine.search.mockRejectedValueOnce(new Error('the server answered 500'))
  const { search, startSearchEarly } = await client()
  startSearchEarly(params)
  await expect(search(params)).rejects.toThrow('the server answered 500')
  await expect(search(params)).resolves.toEqual(result('floods'))
  expect(engine.search).toHaveBeenCalledTimes(2)
})

test('the early result is handed to the page once, and the early draw stops when it is', async () => {
  const { startSearchEarly, takeOverPage } = await client()
  const drawn = vi.fn()
  startSearchEarly(params, drawn)
  await vi.waitFor(() => expect(drawn).toHaveBeenCalledTimes(1))
  expect(takeOverPage()).toEqual({ params, result: result('floods') })
  expect(takeOverPage()).toBeNull()

  startSearchEarly({ ...params, q: 'storms' }, drawn)
  await vi.waitFor(() => expect(takeOverPage()).not.toBeNull())
  expect(drawn).toHaveBeenCalledTimes(1)
})
