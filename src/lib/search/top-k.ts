/**
 * Indices of the `k` highest keys, highest first; equal keys ordered by `before`. A heap of k, so
 * the work is linear in the number of matches.
 */
export function topK(
  keys: Float64Array,
  k: number,
  before: (a: number, b: number) => boolean,
): number[] {
  if (k <= 0) return []
  const better = (a: number, b: number) => {
    const ka = keys[a] ?? 0
    const kb = keys[b] ?? 0
    return ka !== kb ? ka > kb : before(a, b)
  }
  // A min-heap (by `better`) of the best k seen.
  const heap: number[] = []
  const swap = (i: number, j: number) => {
    const t = heap[i] ?? 0
    heap[i] = heap[j] ?? 0
    heap[j] = t
  }
  for (let i = 0; i < keys.length; i++) {
    if (heap.length < k) {
      heap.push(i)
      for (let c = heap.length - 1; c > 0;) {
        const parent = (c - 1) >> 1
        if (!better(heap[parent] ?? 0, heap[c] ?? 0)) break
        swap(c, parent)
        c = parent
      }
      continue
    }
    const worst = heap[0] ?? 0
    // Most matches lose to the worst kept on the key alone: no call.
    if ((keys[i] ?? 0) < (keys[worst] ?? 0) || !better(i, worst)) continue
    heap[0] = i
    for (let c = 0; ;) {
      const l = 2 * c + 1
      const r = l + 1
      let m = c
      if (l < heap.length && better(heap[m] ?? 0, heap[l] ?? 0)) m = l
      if (r < heap.length && better(heap[m] ?? 0, heap[r] ?? 0)) m = r
      if (m === c) break
      swap(c, m)
      c = m
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
}
