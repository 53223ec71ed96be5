/**
 * Edit distance for typo correction: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each count one (optimal string alignment), computed on code points.
 */

/** The largest edit distance tried for a word of `length` letters. */
export function maxTypoDistance(length: number): number {
  return length >= 8 ? 2 : 1
}

/** The distance between `a` and `b`, or `max + 1` as soon as it is known to exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const s = Array.from(a)
  const t = Array.from(b)
  if (Math.abs(s.length - t.length) > max) return max + 1
  const n = t.length
  let twoBack = new Array<number>(n + 1).fill(0)
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  let row = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= s.length; i++) {
    row[0] = i
    let best = i
    for (let j = 1; j <= n; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, (twoBack[j - 2] ?? 0) + 1)
      }
      row[j] = d
      if (d < best) best = d
    }
    if (best > max) return max + 1
    ;[twoBack, prev, row] = [prev, row, twoBack]
  }
  return Math.min(prev[n] ?? max + 1, max + 1)
}
