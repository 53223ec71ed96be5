/**
 * The worker's end of the search engine's channel (`engine-channel.ts` says why and how): an
 * engine whose files come from the page.
 */
import { createSearchEngine, type SearchResult } from '@/lib/search/search-engine'
import { parseJson } from '@/lib/fetch-json'
import type { Failure, FromWorker, Port, ToWorker } from './engine-channel'

/** In the worker: a file the page could not load (the page keeps the error itself). */
class LoadFailure extends Error {
  readonly load: number
  constructor(load: number) {
    super(`file ${load} could not be loaded`)
    this.load = load
  }
}

/**
 * The worker's end: an engine whose files come from the page. Every search and preparation is
 * answered once, with its result or its failure.
 */
export function serveEngine(port: Port): void {
  let nextLoad = 0
  const loads = new Map<number, { resolve: (file: Loaded) => void; reject: (e: Error) => void }>()
  type Loaded = { url: string; bytes: ArrayBuffer }
  const engine = createSearchEngine(async (path) => {
    const id = nextLoad++
    const file = await new Promise<Loaded>((resolve, reject) => {
      loads.set(id, { resolve, reject })
      port.postMessage({ kind: 'load', id, path } satisfies FromWorker)
    })
    if (!path.endsWith('.json')) return new Uint8Array(file.bytes)
    return parseJson(file.url, new TextDecoder().decode(file.bytes))
  })
  const searches = new Map<number, AbortController>()
  const answer = (id: number, work: Promise<SearchResult | null>) => {
    work.then(
      (result) => port.postMessage({ kind: 'done', id, result } satisfies FromWorker),
      (error: unknown) => {
        const failure: Failure =
          error instanceof LoadFailure
            ? { load: error.load }
            : error instanceof Error
              ? { name: error.name, message: error.message }
              : { name: 'Error', message: String(error) }
        port.postMessage({ kind: 'failed', id, failure } satisfies FromWorker)
      },
    )
  }
  port.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as ToWorker
    switch (message.kind) {
      case 'search': {
        const controller = new AbortController()
        searches.set(message.id, controller)
        const work = engine.search(message.query, message.options, controller.signal)
        answer(
          message.id,
          work.finally(() => searches.delete(message.id)),
        )
        break
      }
      case 'prepare':
        answer(
          message.id,
          engine.prepare().then(() => null),
        )
        break
      case 'prefetch':
        answer(
          message.id,
          engine.prefetch(message.query).then(() => null),
        )
        break
      case 'abort':
        searches.get(message.id)?.abort(new DOMException('Aborted', 'AbortError'))
        break
      case 'loaded':
        loads.get(message.id)?.resolve({ url: message.url, bytes: message.bytes })
        loads.delete(message.id)
        break
      case 'load-failed':
        loads.get(message.id)?.reject(new LoadFailure(message.id))
        loads.delete(message.id)
        break
    }
  })
  port.start?.()
}
