/** The first index >= from whose value is >= target (the array is sorted). */
export function gallop(docs: Int32Array, from: number, target: number): number {
  let lo = from
  let step = 1
  let hi = from
  while (hi < docs.length && (docs[hi] ?? 0) < target) {
    lo = hi + 1
    hi += step
    step *= 2
  }
  hi = Math.min(hi, docs.length)
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((docs[mid] ?? 0) < target) lo = mid + 1
    else hi = mid
  }
  return lo
}
