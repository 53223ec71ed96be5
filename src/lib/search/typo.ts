/**
 * Edit distance for typo correction: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each count one (optimal string alignment), computed on code points.
 * Korean, which terms hold as jamo (normalize.ts), is measured both on its jamo (one mistyped key
 * is one edit) and on its syllables (a syllable left out or two swapped is one edit, not two to
 * six), and the nearer counts.
 */
import { TYPO_MIN_LENGTH } from './index-format.ts'

const HANGUL_JAMO = /[\u1100-\u11ff\ud7b0-\ud7ff]/

/** The largest edit distance tried for a word of `length` letters. */
export function maxTypoDistance(length: number): number {
  return length >= 8 ? 2 : 1
}

/** The distance between `a` and `b`, or `max + 1` as soon as it is known to exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  return distanceFrom(a, max)(b)
}

/**
 * The distance from `term` to each word it is called with, as `editDistance` gives it, for the
 * correction of one query word against the hundreds of words its typo groups hold
 * (`corrections.ts`): the term is read into code points once, and the rows are reused. Once
 * optimised, that measures a group in 0.4 times the time of splitting both words for each pair.
 */
export function distanceFrom(term: string, max: number): (word: string) => number {
  const letters = codePointDistanceFrom(term, max)
  if (!HANGUL_JAMO.test(term)) return letters
  // Syllables: only for words long enough that one syllable's edit still leaves most of them.
  const composed = term.normalize('NFC')
  const count = Array.from(composed).length
  if (count < TYPO_MIN_LENGTH) return letters
  const maxSyllables = maxTypoDistance(count)
  const syllables = codePointDistanceFrom(composed, maxSyllables)
  return (word) => {
    const d = letters(word)
    if (d <= 1 || !HANGUL_JAMO.test(word)) return d
    const bySyllables = syllables(word.normalize('NFC'))
    return bySyllables <= maxSyllables ? Math.min(d, bySyllables) : d
  }
}

/** distanceFrom on code points alone. */
function codePointDistanceFrom(term: string, max: number): (word: string) => number {
  const s = new Int32Array(term.length)
  const m = codePoints(term, s)
  let t = new Int32Array(16)
  let twoBack = new Int32Array(17)
  let prev = new Int32Array(17)
  let row = new Int32Array(17)
  return (word) => {
    if (word.length > t.length) {
      t = new Int32Array(word.length)
      twoBack = new Int32Array(word.length + 1)
      prev = new Int32Array(word.length + 1)
      row = new Int32Array(word.length + 1)
    }
    const n = codePoints(word, t)
    if (Math.abs(m - n) > max) return max + 1
    for (let j = 0; j <= n; j++) prev[j] = j
    for (let i = 1; i <= m; i++) {
      row[0] = i
      let best = i
      const si = s[i - 1]
      for (let j = 1; j <= n; j++) {
        const cost = si === t[j - 1] ? 0 : 1
        let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
        if (i > 1 && j > 1 && si === t[j - 2] && s[i - 2] === t[j - 1]) {
          d = Math.min(d, (twoBack[j - 2] ?? 0) + 1)
        }
        row[j] = d
        if (d < best) best = d
      }
      if (best > max) return max + 1
      const reused = twoBack
      twoBack = prev
      prev = row
      row = reused
    }
    return Math.min(prev[n] ?? max + 1, max + 1)
  }
}

/** Writes `text`'s code points into `into` (as long as `text` at least); returns their count. */
function codePoints(text: string, into: Int32Array): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0
    into[n++] = code
    if (code > 0xffff) i++
  }
  return n
}
