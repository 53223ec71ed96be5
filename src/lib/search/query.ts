import { scanTokens } from './normalize.ts'

/** At most this many words of a query are searched; the rest is ignored (bounded work). */
export const MAX_QUERY_WORDS = 10

/** Characters that open or close a quoted phrase. */
const QUOTES = new Set(['"', '“', '”', '„', '‟', '«', '»', '＂'])

export type QueryWord = {
  term: string
  /** Where the word stands in the query as given (for rewriting it with a correction). */
  start: number
  end: number
  /** The index of the quoted phrase it belongs to, or null. */
  phrase: number | null
}

export type ParsedQuery = {
  words: QueryWord[]
  /** The words of each quoted phrase of two words or more, as indices into `words`. */
  phrases: number[][]
  /**
   * The last word may also match as a prefix: it is not quoted and nothing follows it (a space
   * after it says the reader finished the word).
   */
  prefix: boolean
}

/**
 * Splits a query into words, with quoted phrases. An unmatched quote is ignored. Work is bounded
 * by MAX_QUERY_WORDS, whatever the query's length.
 */
export function parseQuery(query: string): ParsedQuery {
  const words: QueryWord[] = []
  const phrases: number[][] = []
  // A quote opens a phrase only when another one closes it later.
  const quotes: number[] = []
  for (let i = 0; i < query.length; i++) {
    if (QUOTES.has(query.charAt(i))) quotes.push(i)
  }
  const paired = quotes.length % 2 === 0 ? quotes : quotes.slice(0, -1)
  let phraseIndex = -1
  let phraseWords: number[] = []
  let full = false
  const closePhrase = () => {
    if (phraseWords.length >= 2) phrases.push(phraseWords)
    phraseWords = []
  }
  const segments: Array<{ from: number; to: number; quoted: boolean }> = []
  let from = 0
  let quoted = false
  for (const at of paired) {
    segments.push({ from, to: at, quoted })
    from = at + 1
    quoted = !quoted
  }
  segments.push({ from, to: query.length, quoted: false })
  for (const segment of segments) {
    if (full) break
    const text = query.slice(segment.from, segment.to)
    if (segment.quoted) phraseIndex++
    scanTokens(text, (term, start, end) => {
      if (words.length >= MAX_QUERY_WORDS) {
        full = true
        return false
      }
      if (segment.quoted) phraseWords.push(words.length)
      words.push({
        term,
        start: segment.from + start,
        end: segment.from + end,
        phrase: segment.quoted ? phraseIndex : null,
      })
      return true
    })
    if (segment.quoted) closePhrase()
  }
  // A phrase of one word is just that word, matched exactly.
  const phraseOf = new Map<number, number>()
  phrases.forEach((indices, i) => indices.forEach((w) => phraseOf.set(w, i)))
  const normalised = words.map((w, i) => ({
    ...w,
    phrase: w.phrase === null ? null : (phraseOf.get(i) ?? -1),
  }))
  const last = normalised[normalised.length - 1]
  const prefix = last !== undefined && last.phrase === null && !full && last.end === query.length
  return { words: normalised, phrases, prefix }
}

/** True for a word that came from inside quotes (matched exactly: no prefix, no correction). */
export function isQuoted(word: QueryWord): boolean {
  return word.phrase !== null
}
