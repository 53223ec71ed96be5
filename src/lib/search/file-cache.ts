/**
 * Loading the index's files: a cache of loaded files, and the step that turns a fetched index
 * file into its inflated bytes.
 */
import { yieldToMain } from '../yield-to-main.ts'
import { IndexFormatError } from './index-format.ts'

/** Fetches a file relative to the versioned data folder (see search-engine.ts). */
export type LoadFile = (path: string) => Promise<Uint8Array | unknown>

/**
 * A cache of loaded files (least recently used forgotten past `max`) that forgets failures, so
 * that a later call loads the file again.
 */
export class FileCache<T> {
  private readonly entries = new Map<string, Promise<T>>()
  private readonly fetch: (path: string) => Promise<T>
  private readonly max: number
  constructor(fetch: (path: string) => Promise<T>, max = Infinity) {
    this.fetch = fetch
    this.max = max
  }

  get(path: string): Promise<T> {
    const hit = this.entries.get(path)
    if (hit) {
      // Most recently used last: the first entry is the one to forget when full.
      this.entries.delete(path)
      this.entries.set(path, hit)
      return hit
    }
    const promise = this.fetch(path)
    this.entries.set(path, promise)
    promise.catch(() => {
      if (this.entries.get(path) === promise) this.entries.delete(path)
    })
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    return promise
  }
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(data)])
    .stream()
    .pipeThrough(new DecompressionStream('deflate'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/**
 * Loads an index file (`search/*.bin`, deflated: see index-format.ts) through `load`, which must
 * give its bytes, and inflates it.
 */
export function bytesLoader(load: LoadFile): (path: string) => Promise<Uint8Array> {
  return async (path) => {
    const value = await load(path)
    const bytes =
      value instanceof Uint8Array
        ? value
        : value instanceof ArrayBuffer
          ? new Uint8Array(value)
          : null
    if (!bytes) throw new IndexFormatError(`${path}: expected the file's bytes`)
    const inflated = await inflate(bytes)
    // Decoding the file is a task of its own, apart from the decompression's last step: each is
    // short, and on a page still starting (a shared search link) together they were not.
    await yieldToMain()
    return inflated
  }
}
