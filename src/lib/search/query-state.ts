import type { IndexStore, LoadedRoot } from './index-store.ts'
import type { ParsedQuery } from './query.ts'
import type { QuerySlots } from './slots.ts'

/**
 * One search while it runs, handed from step to step (search-engine.ts): the query, the index it
 * reads, and its slots, whose alternatives the steps add to (completions, corrections) and whose
 * weights they scale, in place.
 */
export type QueryState = QuerySlots & {
  /** The query as given. */
  query: string
  parsed: ParsedQuery
  store: IndexStore
  root: LoadedRoot
  signal: AbortSignal | undefined
}
