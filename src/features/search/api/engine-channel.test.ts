// @vitest-environment node
import { afterEach, expect, test, vi } from 'vitest'
import { fixtureArticles } from '../../../../scripts/site/search-index/fixture-corpus.ts'
import { memorySite } from '../../../../scripts/site/search-index/memory-site.ts'
import {
  createSearchEngine,
  type SearchEngine,
  type SearchOptions,
} from '@/lib/search/search-engine'
import { HttpError } from '@/lib/fetch-json'
import { connectEngine, type FileLoader, type Port } from './engine-channel'
import { serveEngine } from './engine-host'

const site = memorySite(fixtureArticles())
const options: SearchOptions = { source: null, sort: 'relevance', limit: 10 }
const onPage = createSearchEngine(site.load)

/** A file of the site as the page's fetch would give it: its bytes. */
function bytesOf(path: string): ArrayBuffer {
  const content = site.files.get(path)
  if (content === undefined) throw new HttpError(404, `/data/${path}`)
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
  // A copy of its own: the channel transfers it, and a Node Buffer's slice would share its pool.
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  return copy.buffer
}

const opened: MessageChannel[] = []
afterEach(() => {
  for (const channel of opened.splice(0)) {
    channel.port1.close()
    channel.port2.close()
  }
})

/** The worker's end and the page's, joined by a channel in this process. */
function connect(
  loadFile: FileLoader,
  fallback: () => SearchEngine = () => {
    throw new Error('no fallback in this test')
  },
) {
  const channel = new MessageChannel()
  opened.push(channel)
  serveEngine(channel.port2 as unknown as Port)
  return connectEngine(channel.port1 as unknown as Port, loadFile, fallback)
}

const fromSite: FileLoader = (path) => ({
  url: `/data/${path}`,
  bytes: Promise.resolve().then(() => bytesOf(path)),
})

test('a search across the channel finds what the engine on the page finds', async () => {
  const { engine } = connect(fromSite)
  await engine.prepare()
  for (const query of ['hurricane landfall louisiana', 'Azerbijan', '"electric buses"', 'kipch']) {
    expect(await engine.search(query, options), query).toEqual(await onPage.search(query, options))
  }
})

test("a file the page failed to fetch fails the search with the page's own error; a retry fetches it again", async () => {
  const asked: string[] = []
  let failing = true
  const { engine } = connect((path) => {
    asked.push(path)
    if (failing && path.startsWith('search/t/')) {
      return { url: `/data/${path}`, bytes: Promise.reject(new HttpError(500, `/data/${path}`)) }
    }
    return fromSite(path)
  })
  const failure = await engine.search('hurricane', options).catch((error: unknown) => error)
  expect(failure).toBeInstanceOf(HttpError)
  expect((failure as HttpError).status).toBe(500)
  const shard = asked.find((path) => path.startsWith('search/t/'))
  failing = false
  await expect(engine.search('hurricane', options)).resolves.toEqual(
    await onPage.search('hurricane', options),
  )
  expect(asked.filter((path) => path === shard)).toHaveLength(2)
})

test('what the worker itself failed at crosses with its name and message', async () => {
  const { engine } = connect((path) => ({
    url: `/data/${path}`,
    // Not the file: a host's HTML page where the index's bytes should be.
    bytes: Promise.resolve(new TextEncoder().encode('<!doctype html><p>Not here</p>').buffer),
  }))
  const failure = await engine.search('hurricane', options).catch((error: unknown) => error)
  expect(failure).toBeInstanceOf(Error)
  expect((failure as Error).message).not.toBe('')
  expect(failure).not.toBeInstanceOf(HttpError)
})

test('an aborted search rejects at once with the signal’s reason', async () => {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  const { engine } = connect((path) => ({
    url: `/data/${path}`,
    bytes: held.then(() => bytesOf(path)),
  }))
  const controller = new AbortController()
  const searching = engine.search('hurricane', options, controller.signal)
  const reason = new Error('the reader typed on')
  controller.abort(reason)
  await expect(searching).rejects.toBe(reason)
  release()
  // The engine goes on working for the next search.
  await expect(engine.search('hurricane', options)).resolves.toEqual(
    await onPage.search('hurricane', options),
  )
})

test('once the worker breaks, what it had not answered and every later call run on the fallback', async () => {
  const fallback = vi.fn(() => createSearchEngine(site.load))
  // The worker never gets a file: its searches would wait forever.
  const { engine, broken } = connect(() => ({ url: '', bytes: new Promise(() => {}) }), fallback)
  const pending = engine.search('hurricane', options)
  broken()
  await expect(pending).resolves.toEqual(await onPage.search('hurricane', options))
  await expect(engine.search('tehran', options)).resolves.toEqual(
    await onPage.search('tehran', options),
  )
  broken()
  expect(fallback).toHaveBeenCalledTimes(1)
})
