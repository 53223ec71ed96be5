/**
 * The search engine across a message channel: the engine runs in a worker (`search.worker.ts`),
 * off the page's main thread, so inflating and decoding index files, scoring and typo
 * corrections never block a tap or the page's start; the page keeps the fetches. The worker asks
 * the page for each file, and the page fetches it with its own timeout, preloads, cache and
 * service worker, and hands the bytes over (transferred, not copied). A file that failed stays
 * on the page: the worker's search fails with a token for it, and the page rejects with the very
 * error the fetch raised, so the views tell an HTTP error from a timeout as they did.
 */
import type { SearchEngine, SearchOptions, SearchResult } from '@/lib/search/search-engine'

/** One end of a channel: a Worker or the worker's global scope, a MessagePort in tests. */
export type Port = {
  postMessage(message: unknown, transfer?: Transferable[]): void
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
  start?(): void
}

export type ToWorker =
  | { kind: 'search'; id: number; query: string; options: SearchOptions }
  | { kind: 'prepare'; id: number }
  | { kind: 'prefetch'; id: number; query: string }
  | { kind: 'abort'; id: number }
  | { kind: 'loaded'; id: number; url: string; bytes: ArrayBuffer }
  | { kind: 'load-failed'; id: number }

/** How a failure crosses: a file the page failed to load, by its load's id, or name and message. */
export type Failure = { load: number } | { name: string; message: string }

export type FromWorker =
  | { kind: 'load'; id: number; path: string }
  | { kind: 'done'; id: number; result: SearchResult | null }
  | { kind: 'failed'; id: number; failure: Failure }

/** The page's failed loads kept for the searches they fail, the latest this many. */
const KEPT_FAILURES = 64

type Call = {
  resolve: (result: SearchResult | null) => void
  reject: (error: unknown) => void
  /** The same call on the page's own engine, should the worker fail. */
  rerun: (engine: SearchEngine) => Promise<SearchResult | null>
}

/** What the page's end is given: how to fetch a file as bytes, and its URL for messages. */
export type FileLoader = (path: string) => { url: string; bytes: Promise<ArrayBuffer> }

/**
 * The page's end: a SearchEngine whose work is done by the worker at `port`. Call `broken` when
 * the worker breaks (its script failed to load, or it threw): the calls it had not answered, and
 * every later one, then run on `fallback()`, created once.
 */
export function connectEngine(
  port: Port,
  loadFile: FileLoader,
  fallback: () => SearchEngine,
): { engine: SearchEngine; broken: () => void } {
  let nextCall = 0
  const calls = new Map<number, Call>()
  const failures = new Map<number, unknown>()
  let replacement: SearchEngine | null = null

  port.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as FromWorker
    if (message.kind === 'load') {
      const { url, bytes } = loadFile(message.path)
      bytes.then(
        (body) =>
          port.postMessage(
            { kind: 'loaded', id: message.id, url, bytes: body } satisfies ToWorker,
            [body],
          ),
        (error: unknown) => {
          failures.set(message.id, error)
          for (const id of failures.keys()) {
            if (failures.size <= KEPT_FAILURES) break
            failures.delete(id)
          }
          port.postMessage({ kind: 'load-failed', id: message.id } satisfies ToWorker)
        },
      )
      return
    }
    const call = calls.get(message.id)
    if (!call) return
    calls.delete(message.id)
    if (message.kind === 'done') call.resolve(message.result)
    else call.reject(failureOf(message.failure, failures))
  })
  port.start?.()

  const run = (
    request: (id: number) => ToWorker,
    rerun: Call['rerun'],
    signal?: AbortSignal,
  ): Promise<SearchResult | null> => {
    if (replacement) return rerun(replacement)
    if (signal?.aborted) return Promise.reject(signal.reason)
    const id = nextCall++
    return new Promise((resolve, reject) => {
      calls.set(id, { resolve, reject, rerun })
      signal?.addEventListener(
        'abort',
        () => {
          if (!calls.delete(id)) return
          port.postMessage({ kind: 'abort', id } satisfies ToWorker)
          reject(signal.reason)
        },
        { once: true },
      )
      port.postMessage(request(id))
    })
  }

  const engine: SearchEngine = {
    search: async (query, options, signal) => {
      const result = await run(
        (id) => ({ kind: 'search', id, query, options }),
        (other) => other.search(query, options, signal),
        signal,
      )
      if (result === null) throw new Error('the search worker answered a search with nothing')
      return result
    },
    prepare: async () => {
      await run(
        (id) => ({ kind: 'prepare', id }),
        (other) => other.prepare().then(() => null),
      )
    },
    prefetch: async (query) => {
      await run(
        (id) => ({ kind: 'prefetch', id, query }),
        (other) => other.prefetch(query).then(() => null),
      )
    },
  }
  const broken = () => {
    if (replacement) return
    replacement = fallback()
    const unanswered = [...calls.values()]
    calls.clear()
    for (const call of unanswered) call.rerun(replacement).then(call.resolve, call.reject)
  }
  return { engine, broken }
}

function failureOf(failure: Failure, failures: Map<number, unknown>): unknown {
  if ('load' in failure) {
    return failures.has(failure.load)
      ? failures.get(failure.load)
      : new Error(`a file of the search index could not be loaded`)
  }
  const error = new Error(failure.message)
  error.name = failure.name
  return error
}
