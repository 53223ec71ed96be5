/**
 * The page's one search engine and its searches, kept apart from React and the query cache so
 * that the search page's early script (`src/app/start/search-early.ts`) can start a shared link's
 * search while the app's own code is still downloading, and the app then takes that search over.
 */
import type { SearchEngine, SearchResult, SearchSort } from '@/lib/search/search-engine'
import { dataUrl } from '@/lib/data-url'
import { fetchBytes, parseJson } from '@/lib/fetch-json'
import { yieldToMain } from '@/lib/yield-to-main'
import { connectEngine } from './engine-channel'

export type SearchParams = {
  q: string
  source: string | null
  sort: SearchSort
  limit: number
  /** Search the words as typed, without correcting typos. */
  exact: boolean
}

/** A file of the index as its bytes: for the worker, which parses JSON itself, and for `load`. */
function loadFile(path: string): { url: string; bytes: Promise<ArrayBuffer> } {
  const url = dataUrl(path)
  // A host's page in the file's place is the file missing (a 404), not a damaged index.
  return { url, bytes: fetchBytes(url) }
}

/**
 * Index files are JSON or binary by their extension; `load` returns parsed JSON or the bytes.
 * Loads are shared by searches (the engine keeps what it loaded), so no one query's signal aborts
 * them; the fetch timeout bounds each. A JSON file is parsed in a task of its own: files that
 * arrive together would otherwise be parsed one after the other in one long task, while the page
 * is still starting. (The engine does the same for a binary file, between inflating and decoding
 * it.)
 */
async function load(path: string): Promise<unknown> {
  const { url, bytes } = loadFile(path)
  if (!path.endsWith('.json')) return new Uint8Array(await bytes)
  const text = new TextDecoder().decode(await bytes)
  await yieldToMain()
  return parseJson(url, text)
}

/**
 * The engine on the page's main thread, where there is no Worker (Vitest's jsdom) or the worker
 * broke. Its code is loaded on its first call only: with a worker, the page never needs it.
 */
function engineOnPage(): SearchEngine {
  const created = import('@/lib/search/search-engine').then((module) =>
    module.createSearchEngine(load),
  )
  return {
    search: async (query, options, signal) => (await created).search(query, options, signal),
    prepare: async () => (await created).prepare(),
    prefetch: async (query) => (await created).prefetch(query),
  }
}

/**
 * The engine in a worker: the page only fetches files and draws results, and a shared link's
 * search no longer competes with the app's start for the main thread. Should the worker not
 * start, or fail, its searches run on the page instead.
 */
function engineInWorker(): SearchEngine {
  const worker = new Worker(new URL('./search.worker.ts', import.meta.url), {
    type: 'module',
    name: 'search',
  })
  const { engine: remote, broken } = connectEngine(worker, loadFile, engineOnPage)
  const fail = () => {
    worker.terminate()
    broken()
  }
  worker.addEventListener('error', fail)
  worker.addEventListener('messageerror', fail)
  return remote
}

let engine: SearchEngine | null = null

/** The engine, created on the first search or preparation. */
function getEngine(): SearchEngine {
  engine ??= typeof Worker === 'function' ? engineInWorker() : engineOnPage()
  return engine
}

/**
 * Starts loading the engine and its index root before the first query, for a reader who opened
 * the search page: the first keystroke then waits for one term's files only. A failure here is
 * not shown; the first search reports it.
 */
export function prepareSearch(): void {
  getEngine()
    .prepare()
    .catch(() => undefined)
}

/**
 * Starts loading the files a search for `q` starts with (the engine's `prefetch`), for a reader
 * who is typing it: its search, which the next keystroke may abort, then finds them loaded or on
 * their way. A failure here is not shown; the search reports it.
 */
export function prefetchSearch(q: string): void {
  getEngine()
    .prefetch(q)
    .catch(() => undefined)
}

/** A search started before the app could ask for it, waiting for the app to take it. */
let early: { params: SearchParams; result: Promise<SearchResult> } | null = null
/** The early search's result, once it has arrived. */
let earlyArrived: { params: SearchParams; result: SearchResult } | null = null
/** Whether the app has started rendering the page (the early script then draws nothing). */
let pageTaken = false

/**
 * Starts `params`' search now, for the app to take over when it asks for the same one: a shared
 * link's results then wait for the app's code or for the index, whichever is slower, not for one
 * and then the other. `onResult` gets the result when it arrives before the app renders the page.
 */
export function startSearchEarly(
  params: SearchParams,
  onResult?: (result: SearchResult) => void,
): void {
  const result = searchWith(params)
  early = { params, result }
  result.then(
    (arrived) => {
      earlyArrived = { params, result: arrived }
      if (!pageTaken) onResult?.(arrived)
    },
    // Its failure is the app's to report.
    () => undefined,
  )
}

/**
 * For the app, before it renders the search page: from now on the early script draws nothing, and
 * the early search's result is returned if it has arrived (for the first render to show it). It is
 * handed over once: the search route's loader runs again on every later visit, and a result kept
 * from the page's first moments must not be written over what the cache has learnt since.
 */
export function takeOverPage(): { params: SearchParams; result: SearchResult } | null {
  pageTaken = true
  const arrived = earlyArrived
  earlyArrived = null
  return arrived
}

/**
 * Runs `params`' search, or takes over the early one when it is that search. An early search is
 * taken once, whatever its outcome, so a retry searches anew and every file is asked for exactly
 * as often as it would have been without it.
 */
export function search(params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  const started = early
  early = null
  if (started !== null && sameSearch(started.params, params)) return started.result
  return searchWith(params, signal)
}

function searchWith(params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  return getEngine().search(
    params.q,
    { source: params.source, sort: params.sort, limit: params.limit, correct: !params.exact },
    signal,
  )
}

function sameSearch(a: SearchParams, b: SearchParams): boolean {
  return (
    a.q === b.q &&
    a.source === b.source &&
    a.sort === b.sort &&
    a.limit === b.limit &&
    a.exact === b.exact
  )
}
