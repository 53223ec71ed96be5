import { dataVersion } from 'virtual:corpus'
import { afterEach, expect, test, vi } from 'vitest'
import { explainLoadFailure, SiteUpdatedError } from './deployment'
import { HtmlFallbackError, HttpError } from './fetch-json'

afterEach(() => {
  vi.unstubAllGlobals()
})

/** A server whose version.json says `version` (or fails), recording what it was asked. */
function deployed(answer: { version: string } | 'offline' | 404 | 'page') {
  const requests: Array<{ url: string; init?: RequestInit }> = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      requests.push({ url, init })
      if (answer === 'offline') throw new TypeError('Failed to fetch')
      if (answer === 404) return new Response('Not found', { status: 404 })
      // A host that answers every unknown path with its home page.
      if (answer === 'page') {
        return new Response('<!doctype html><title>Home</title>', {
          headers: { 'Content-Type': 'text/html' },
        })
      }
      return new Response(JSON.stringify(answer))
    }),
  )
  return requests
}

const missing = new HttpError(404, `/data/${dataVersion}/articles/ab/abcdef0123456789.json`)
const chunkGone = new TypeError(
  'Failed to fetch dynamically imported module: http://x/assets/article-abc123.js',
)

test('a missing data file while the server names another version is a site update', async () => {
  const requests = deployed({ version: `${dataVersion}-newer` })
  const explained = await explainLoadFailure(missing)
  expect(explained).toBeInstanceOf(SiteUpdatedError)
  expect(explained).toMatchObject({ deployed: `${dataVersion}-newer` })
  // Asked of the server itself, never of a cache.
  expect(requests).toHaveLength(1)
  expect(requests[0]?.url).toBe('/version.json')
  expect(requests[0]?.init?.cache).toBe('no-store')
})

test('a missing data file of the deployed version stays a not-found', async () => {
  deployed({ version: dataVersion })
  expect(await explainLoadFailure(missing)).toBe(missing)
})

test('when the version cannot be told, the failure stays what it was', async () => {
  for (const answer of ['offline', 404, 'page'] as const) {
    deployed(answer)
    expect(await explainLoadFailure(missing)).toBe(missing)
    expect(await explainLoadFailure(chunkGone)).toBe(chunkGone)
  }
})

test('a malformed version.json is no version', async () => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('{"version": 3}')),
  )
  expect(await explainLoadFailure(missing)).toBe(missing)
})

test('a script chunk that failed while the server answers is a site update', async () => {
  // Even with the same data version: a code-only redeploy renames the chunks.
  deployed({ version: dataVersion })
  expect(await explainLoadFailure(chunkGone)).toBeInstanceOf(SiteUpdatedError)
})

test('other failures are not asked about', async () => {
  const requests = deployed({ version: `${dataVersion}-newer` })
  const serverError = new HttpError(500, '/data/x/manifest.json')
  expect(await explainLoadFailure(serverError)).toBe(serverError)
  expect(requests).toHaveLength(0)
})

test('a data file answered with the host’s page is missing: asked about like a 404', async () => {
  const pageForMissing = new HtmlFallbackError(
    `/data/${dataVersion}/articles/ff/ffffffffffffffff.json`,
  )
  deployed({ version: dataVersion })
  expect(await explainLoadFailure(pageForMissing)).toBe(pageForMissing)
  deployed({ version: `${dataVersion}-newer` })
  expect(await explainLoadFailure(pageForMissing)).toBeInstanceOf(SiteUpdatedError)
})
