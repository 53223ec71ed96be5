/**
 * The compiled data of a corpus held in memory, with a `load` for the search engine that reads it
 * the way the app fetches the deployed files: parsed JSON for .json files, bytes otherwise. For
 * tests and the Node evaluation.
 */
import type { Article } from '../../../src/lib/corpus/types.ts'
import { emitCorpus, memoryEmitter, type ExtraEmitter } from '../corpus/emit-corpus.ts'
import { buildSearchIndex, type SearchIndexOptions } from './emit-search-index.ts'

export type MemorySite = {
  files: Map<string, string | Uint8Array>
  /** Every path loaded, in order (a test can count what a search fetched). */
  loaded: string[]
  load(path: string): Promise<Uint8Array | unknown>
}

export function memorySite(articles: Article[], options: SearchIndexOptions = {}): MemorySite {
  const files = new Map<string, string | Uint8Array>()
  const index: ExtraEmitter = (sorted, write) => {
    for (const [path, content] of buildSearchIndex(sorted, options).files) write(path, content)
  }
  emitCorpus(articles, memoryEmitter(files), undefined, [index])
  const loaded: string[] = []
  return {
    files,
    loaded,
    async load(path) {
      loaded.push(path)
      const content = files.get(path)
      if (content === undefined) throw new Error(`404: ${path}`)
      if (typeof content !== 'string') return content
      return path.endsWith('.json') ? JSON.parse(content) : new TextEncoder().encode(content)
    },
  }
}
