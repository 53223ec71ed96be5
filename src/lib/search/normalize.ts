/**
 * The one normaliser shared by the index builder (scripts/site/search-index) and the query engine: text is
 * split into words on anything that is not a letter or a digit, and each word is folded to a term
 * (Unicode NFKD, accents removed, case folded, a few letters that do not decompose mapped by hand).
 * Scripts written without spaces between words are split otherwise:
 *   - Chinese and Japanese characters are words of one character each (a phrase of them is then
 *     matched by adjacency, as the word pairs do for any words);
 *   - Thai, Lao, Khmer and Myanmar runs are split into words by `Intl.Segmenter` (the ICU
 *     dictionaries Node and the browsers ship), with the locale of their script.
 * Hangul decomposes into its jamo under NFKD: a term of Korean is its letters, not its syllables
 * (so a word typed halfway is a prefix of the term, and one mistyped letter is one edit).
 */

export type Token = { term: string; start: number; end: number }

/** Longer words are cut to this many characters (URLs, hashes, runaway strings). */
export const MAX_TERM_LENGTH = 40

/** Lower-case letters that NFKD leaves alone but a reader types without the mark. */
const FOLD: Readonly<Record<string, string>> = {
  ə: 'e',
  ɛ: 'e',
  ø: 'o',
  ɔ: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ł: 'l',
  ı: 'i',
  ɨ: 'i',
  ŧ: 't',
  ŋ: 'n',
  ƒ: 'f',
  ſ: 's',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ĸ: 'k',
  // Greek final sigma is the same letter.
  ς: 'σ',
  // Arabic letters a reader often types in another form (hamza and madda on alef go under NFKD):
  // alef wasla, alif maqsura and Persian yeh as yeh, teh marbuta as heh, Persian keheh as kaf,
  // and the tatweel that only stretches a word.
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  ک: 'ك',
  ـ: '',
}
const FOLD_PATTERN = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'gu')
/**
 * Combining marks, dropped except after a letter of a script segmented by Intl.Segmenter: their
 * vowel and tone marks are part of how every word is typed, not accents a reader may leave out.
 */
const MARKS = /\p{M}+/gu
const SEGMENTED_SCRIPT = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/
const MARKS_BUT_SEGMENTED = /((?=\p{L})[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]\p{M}*)|\p{M}+/gu
const dropMarks = (text: string) =>
  SEGMENTED_SCRIPT.test(text)
    ? text.replace(MARKS_BUT_SEGMENTED, (_, kept: string | undefined) => kept ?? '')
    : text.replace(MARKS, '')
/** What is left of a word after folding (the marks that are left are those MARKS keeps). */
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u

/** Han, kana and CJK compatibility ideographs: each is a word of its own. */
function isCjk(code: number): boolean {
  return (
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x2ffff)
  )
}

/**
 * The locale whose word breaks Intl.Segmenter applies to a character of a script written without
 * spaces between words (Thai, Lao, Myanmar, Khmer: letters, marks and digits), else null.
 */
function segmentedLocale(code: number): string | null {
  if (code < 0x0e00 || code > 0x17ff) return null
  if (code <= 0x0e7f) return 'th'
  if (code <= 0x0eff) return 'lo'
  if (code >= 0x1000 && code <= 0x109f) return 'my'
  if (code >= 0x1780) return 'km'
  return null
}

const segmenters = new Map<string, Intl.Segmenter>()

/**
 * Calls `onWord` with the offsets of each word of `text.slice(from, to)`, a run of one script
 * written without spaces, as Intl.Segmenter splits it with `locale`; false once `onWord` returns
 * false. The build and the browser call this same function, and ICU splits the same text the same
 * way in both (checked on the development corpus: see docs/benchmarks.md).
 */
export function segmentRun(
  text: string,
  from: number,
  to: number,
  locale: string,
  onWord: (start: number, end: number) => boolean | void,
): boolean {
  let segmenter = segmenters.get(locale)
  if (segmenter === undefined) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' })
    segmenters.set(locale, segmenter)
  }
  for (const { segment, index, isWordLike } of segmenter.segment(text.slice(from, to))) {
    if (isWordLike === true && onWord(from + index, from + index + segment.length) === false) {
      return false
    }
  }
  return true
}

function isAsciiWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39)
  )
}

function cut(term: string): string {
  if (term.length <= MAX_TERM_LENGTH) return term
  // Do not leave half of a surrogate pair at the end.
  const end = /[\ud800-\udbff]/.test(term.charAt(MAX_TERM_LENGTH - 1))
    ? MAX_TERM_LENGTH - 1
    : MAX_TERM_LENGTH
  return term.slice(0, end)
}

/**
 * A word folded to its term: `Azərbaycan` -> `azerbaycan`, `ÉCOLE` -> `ecole`, `ﬁ` -> `fi`.
 * Characters that are not letters or digits after decomposition are dropped, so the result may be
 * empty (a lone combining mark).
 */
export function normalizeTerm(word: string): string {
  let ascii = true
  for (let i = 0; i < word.length; i++) {
    if (!isAsciiWordChar(word.charCodeAt(i))) {
      ascii = false
      break
    }
  }
  if (ascii) return cut(word.toLowerCase())
  const folded = dropMarks(
    dropMarks(word.normalize('NFKD'))
      .toLowerCase()
      .replace(FOLD_PATTERN, (letter) => FOLD[letter] ?? letter)
      // Lower-casing can bring back a combining mark (`İ` -> `i̇`).
      .normalize('NFKD'),
  ).replace(NOT_WORD, '')
  return cut(folded)
}

/**
 * Calls `onWord` for each word of `text`, in order, with its offsets (UTF-16 code units, end
 * exclusive) and whether it is all ASCII letters and digits (its term is then just the word
 * lower-cased and cut). Stops early when `onWord` returns false. The word is not sliced out, so a
 * caller that interns terms can look them up without allocating.
 */
export function scanWords(
  text: string,
  onWord: (start: number, end: number, ascii: boolean) => boolean | void,
): void {
  let start = -1
  let ascii = true
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) {
      if (isAsciiWordChar(code)) {
        if (start < 0) start = i
      } else if (start >= 0) {
        if (onWord(start, i, ascii) === false) return
        start = -1
        ascii = true
      }
      continue
    }
    const locale = segmentedLocale(code)
    if (locale !== null) {
      if (start >= 0 && onWord(start, i, ascii) === false) return
      let end = i + 1
      while (end < text.length && segmentedLocale(text.charCodeAt(end)) === locale) end++
      if (!segmentRun(text, i, end, locale, (s, e) => onWord(s, e, false))) return
      start = -1
      ascii = true
      i = end - 1
      continue
    }
    const point = text.codePointAt(i) ?? code
    const width = point > 0xffff ? 2 : 1
    if (isCjk(point)) {
      if (start >= 0 && onWord(start, i, ascii) === false) return
      if (onWord(i, i + width, false) === false) return
      start = -1
      ascii = true
    } else if (WORD_CHAR.test(String.fromCodePoint(point))) {
      if (start < 0) start = i
      ascii = false
    } else if (start >= 0) {
      if (onWord(start, i, ascii) === false) return
      start = -1
      ascii = true
    }
    i += width - 1
  }
  if (start >= 0) onWord(start, text.length, ascii)
}

/** The term of the word at [start, end) of `text`, as scanWords found it. */
export function termAt(text: string, start: number, end: number, ascii: boolean): string {
  const word = text.slice(start, end)
  return ascii ? cut(word.toLowerCase()) : normalizeTerm(word)
}

/**
 * Calls `onToken` for each word of `text`, in order, with its term and its offsets in `text`
 * (UTF-16 code units, end exclusive). Words whose term is empty (a lone mark) are skipped. Stops
 * early when `onToken` returns false.
 */
export function scanTokens(
  text: string,
  onToken: (term: string, start: number, end: number) => boolean | void,
): void {
  scanWords(text, (start, end, ascii) => {
    const term = termAt(text, start, end, ascii)
    return term === '' ? true : onToken(term, start, end)
  })
}

/** The words of `text` with their offsets in the original text, for highlighting. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  scanTokens(text, (term, start, end) => {
    tokens.push({ term, start, end })
  })
  return tokens
}

/** Just the terms of `text`, in order. */
export function terms(text: string): string[] {
  const out: string[] = []
  scanTokens(text, (term) => {
    out.push(term)
  })
  return out
}
