import { afterEach, expect, test, vi } from 'vitest'
import {
  DataError,
  FETCH_TIMEOUT_MS,
  FetchTimeoutError,
  HtmlFallbackError,
  HttpError,
  NetworkError,
  fetchBytes,
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

test('truncated JSON and the wrong shape are DataErrors: the file is there, but damaged', async () => {
  for (const [body, reason] of [
    ['{"items": [1, 2', /not valid JSON/],
    ['{"items": []}', /expected shape/],
    ['', /not valid JSON/],
  ] as const) {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(body, { headers: { 'Content-Type': 'application/json' } })),
    )
    const error: unknown = await fetchJson('/x.json', isNumbers).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DataError)
    expect(isNotFound(error)).toBe(false)
    expect(String(error)).toMatch(reason)
  }
})

const PAGE = '<!doctype html><html lang="en"><head><title>Newsreader</title></head></html>'

test('a host’s page answered with 200 in a data file’s place is the file missing', async () => {
  // nginx `try_files $uri /index.html`, Firebase and Vercel rewrites, vite preview: the page, 200.
  for (const headers of [
    { 'Content-Type': 'text/html; charset=utf-8' },
    { 'Content-Type': 'TEXT/HTML' },
    // Typed as anything else, the body still tells.
    { 'Content-Type': 'application/json' },
    { 'Content-Type': 'application/octet-stream' },
  ]) {
    for (const body of [PAGE, `\uFEFF\n  ${PAGE}`, '<html><body>Home</body></html>']) {
      vi.stubGlobal(
        'fetch',
        vi.fn(async () => new Response(body, { status: 200, headers })),
      )
      const error: unknown = await fetchJson('/data/v/articles/ff/ff.json', isNumbers).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(HtmlFallbackError)
      expect(error).toMatchObject({ status: 404, url: '/data/v/articles/ff/ff.json' })
      expect(isNotFound(error)).toBe(true)
    }
  }
})

test('a page typed as HTML is the file missing even when its body is JSON-like', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('[1]', { headers: { 'Content-Type': 'text/html' } })),
  )
  const error: unknown = await fetchJson('/x.json', isNumbers).catch((e: unknown) => e)
  expect(isNotFound(error)).toBe(true)
})

test('a host’s page answered with 404 is the file missing', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(PAGE, {
          status: 404,
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        }),
    ),
  )
  const error: unknown = await fetchJson('/x.json', isNumbers).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(HttpError)
  expect(isNotFound(error)).toBe(true)
})

test('binary index data is returned as it came; a host’s page in its place is the file missing', async () => {
  // A zlib stream starts with 0x78.
  const zlib = new Uint8Array([0x78, 0x5e, 0x3c, 0x21, 0x00])
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () => new Response(zlib, { headers: { 'Content-Type': 'application/octet-stream' } }),
    ),
  )
  expect(new Uint8Array(await fetchBytes('/search/root.bin'))).toEqual(zlib)

  for (const headers of [
    { 'Content-Type': 'text/html' },
    { 'Content-Type': 'application/octet-stream' },
  ]) {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(PAGE, { headers })),
    )
    const error: unknown = await fetchBytes('/search/t/9.bin').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HtmlFallbackError)
    expect(isNotFound(error)).toBe(true)
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
