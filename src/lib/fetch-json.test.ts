import { afterEach, expect, test, vi } from 'vitest'
import {
  DataError,
  FETCH_TIMEOUT_MS,
  FetchTimeoutError,
  HttpError,
  NetworkError,
  fetchJson,
  isNotFound,
} from './fetch-json'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const isNumbers = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((n) => typeof n === 'number')

/** A fetch that answers nothing until its signal aborts, as a server that hangs. */
function hangingFetch() {
  return vi.fn(
    (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        // As fetch does: an aborted signal rejects at once, a later abort when it comes.
        if (init?.signal?.aborted) reject(init.signal.reason)
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
      }),
  )
}

test('a valid JSON answer is returned as parsed', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('[1, 2, 3]')),
  )
  await expect(fetchJson('/x.json', isNumbers)).resolves.toEqual([1, 2, 3])
})

test('an HTTP error status is an HttpError naming the URL and status', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('nope', { status: 404 })),
  )
  const error: unknown = await fetchJson('/missing.json', isNumbers).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(HttpError)
  expect(error).toMatchObject({ status: 404, url: '/missing.json' })
  expect(isNotFound(error)).toBe(true)
})

test('truncated JSON, an HTML page and the wrong shape are DataErrors', async () => {
  for (const [body, reason] of [
    ['{"items": [1, 2', /not valid JSON/],
    ['<!doctype html><title>Oops</title>', /not valid JSON/],
    ['{"items": []}', /expected shape/],
  ] as const) {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body)),
    )
    const error: unknown = await fetchJson('/x.json', isNumbers).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataError)
    expect(String(error)).toMatch(reason)
  }
})

test('a server that never answers is given up on after the timeout', async () => {
  vi.useFakeTimers()
  const fetchMock = hangingFetch()
  vi.stubGlobal('fetch', fetchMock)
  const result = fetchJson('/slow.json', isNumbers).catch((e: unknown) => e)
  await vi.advanceTimersByTimeAsync(FETCH_TIMEOUT_MS - 1)
  expect(fetchMock).toHaveBeenCalledTimes(1)
  let settled = false
  void result.then(() => (settled = true))
  await Promise.resolve()
  expect(settled).toBe(false)
  await vi.advanceTimersByTimeAsync(1)
  const error = await result
  expect(error).toBeInstanceOf(FetchTimeoutError)
  expect(String(error)).toContain('/slow.json did not answer within 10 s')
})

test('cancelling the caller’s signal aborts the request with its reason, not as a timeout', async () => {
  vi.stubGlobal('fetch', hangingFetch())
  const caller = new AbortController()
  const result = fetchJson('/x.json', isNumbers, caller.signal).catch((e: unknown) => e)
  const reason = new Error('the query was cancelled')
  caller.abort(reason)
  expect(await result).toBe(reason)
})

test('an already aborted signal never leaves a request pending', async () => {
  vi.stubGlobal('fetch', hangingFetch())
  const reason = new Error('gone')
  const error = await fetchJson('/x.json', isNumbers, AbortSignal.abort(reason)).catch(
    (e: unknown) => e,
  )
  expect(error).toBe(reason)
})

test('no answer at all is a NetworkError naming the URL', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    }),
  )
  const error: unknown = await fetchJson('/x.json', isNumbers).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(NetworkError)
  expect(String(error)).toContain('/x.json could not be fetched')
})
