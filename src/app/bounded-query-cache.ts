import { matchQuery, type QueryClient, type QueryKey } from '@tanstack/react-query'

/**
 * Keeps at most `max` inactive queries under `queryKey` (no component reads them), forgetting
 * the least recently used first. gcTime bounds the cache in time; this bounds it in count, for a
 * long session that opens many articles within gcTime. A query in use is never removed, and one
 * removed is fetched again when it is next needed. Returns the unsubscribe function.
 */
export function boundInactiveQueries(
  queryClient: QueryClient,
  queryKey: QueryKey,
  max: number,
): () => void {
  const cache = queryClient.getQueryCache()
  const lastUsed = new Map<string, number>()
  let clock = 0
  return cache.subscribe((event) => {
    if (!matchQuery({ queryKey }, event.query)) return
    const hash = event.query.queryHash
    if (event.type === 'removed') {
      lastUsed.delete(hash)
      return
    }
    if (
      event.type !== 'added' &&
      event.type !== 'observerAdded' &&
      event.type !== 'observerRemoved'
    )
      return
    clock += 1
    lastUsed.set(hash, clock)
    const inactive = cache.findAll({ queryKey, type: 'inactive' })
    if (inactive.length <= max) return
    inactive.sort((a, b) => (lastUsed.get(a.queryHash) ?? 0) - (lastUsed.get(b.queryHash) ?? 0))
    for (const query of inactive.slice(0, inactive.length - max)) cache.remove(query)
  })
}
