/** Fields derived from an article's text: title, slug, excerpt (reading time: reading-time.ts). */
import { ROMANIZABLE, toAscii } from './transliterate.ts'

const EXCERPT_TARGET = 200
const SLUG_MAX = 80
/** Past this a derived title is not a headline but a runaway sentence: cut it at a word. */
const TITLE_MAX = 300

/** Words that end with a period but do not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof sr jr st mt gen col lt sgt capt gov sen rep rev hon pres no vs etc inc ' +
    'ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec approx est dept univ fig al e.g i.e'
  ).split(' '),
)

/**
 * Full stops, question and exclamation marks of scripts that do not end sentences with ".": CJK
 * (full-width and half-width), Devanagari (danda, double danda), Arabic (question mark), Urdu
 * (full stop). They need no space or capital after them.
 */
const SCRIPT_ENDS = '。！？｡।॥؟۔'
const OPENERS = '「『（《【〈〔“«(['
const CLOSERS = '」』）》】〉〕”»)]'
const closerClass = CLOSERS.replace(']', '\\]')
const SENTENCE_END = new RegExp(
  // "." "!" "?" end a sentence before white space and a capital, a digit or a letter of a script
  // without case (Korean, Arabic, Hebrew use "."): lowercase after a period is an abbreviation.
  `(?<![.!?…])[.!?…]+["'”’»)\\]]*(?=\\s+["'“‘«([]?[\\p{Lu}\\p{Lt}\\p{Lo}\\p{N}])` +
    `|[${SCRIPT_ENDS}]+[${closerClass}"'’]*`,
  'gu',
)

/**
 * The first sentence of a paragraph. A period ends a sentence only when followed by white space and
 * a capital, digit or uncased letter, and not after an abbreviation, an initial or a dotted acronym
 * ("U.S."). The marks of other scripts end one unless they are inside brackets or quotes that close
 * later: 知事は「十分だ。」と述べた。 is one sentence. Thai has no sentence marks: its paragraph is
 * one sentence.
 */
export function firstSentence(paragraph: string): string {
  const quotes = openQuotes(paragraph)
  for (const match of paragraph.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length
    if (SCRIPT_ENDS.includes(match[0].charAt(0))) {
      if (quotes.insideAt(match.index)) continue
      return paragraph.slice(0, end).trim()
    }
    const before = paragraph.slice(Math.max(0, match.index - 100), match.index)
    const lastWord = /(\S+)$/u.exec(before)?.[1] ?? ''
    if (match[0].startsWith('.')) {
      const bare = lastWord.replace(/^["'“‘«([]+/u, '').toLowerCase()
      if (ABBREVIATIONS.has(bare)) continue
      // A single letter ("J. Smith") or a dotted acronym ("U.S") is not a sentence end.
      if (/^[\p{Ll}\p{Lu}]$/u.test(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare)) continue
    }
    return paragraph.slice(0, end).trim()
  }
  return paragraph.trim()
}

/**
 * Whether a position (asked in increasing order) is inside brackets or quotes that close later in
 * the text. One that never closes (a typo, a reversed quote) does not hold the sentence open. Each
 * character is read once, and each closer looked for once per occurrence: linear in the text.
 */
function openQuotes(text: string): { insideAt: (at: number) => boolean } {
  // The closers the open brackets wait for, innermost last, and how many wait for each.
  const open: string[] = []
  const waiting = new Map<string, number>()
  const nextCloser = new Map<string, number>()
  let scanned = 0
  return {
    insideAt(at) {
      for (; scanned < at; scanned++) {
        const ch = text.charAt(scanned)
        const opener = OPENERS.indexOf(ch)
        if (opener !== -1) {
          const closer = CLOSERS.charAt(opener)
          open.push(closer)
          waiting.set(closer, (waiting.get(closer) ?? 0) + 1)
        } else if ((waiting.get(ch) ?? 0) > 0) {
          // Closes the innermost bracket of its kind, and any left open inside it.
          for (let closed = open.pop(); closed !== undefined; closed = open.pop()) {
            waiting.set(closed, (waiting.get(closed) ?? 1) - 1)
            if (closed === ch) break
          }
        }
      }
      const closer = open.at(-1)
      if (closer === undefined) return false
      let next = nextCloser.get(closer)
      if (next === undefined || (next !== -1 && next < at)) {
        next = text.indexOf(closer, at)
        nextCloser.set(closer, next)
      }
      return next !== -1
    },
  }
}

const ATTRIBUTION_VERBS =
  'reports?|reported|says?|said|writes?|wrote|informs?|informed|notes?|noted|adds?|added|' +
  'announced|announces|stated|states|told|learned|learnt|quoted|cites?|cited|claims?|claimed'

/**
 * A trailing attribution clause: ", Trend reports", ", AP reported", ", the ministry said",
 * ", Reuters reports citing officials". At most six words before the verb, and a few after it.
 */
const TRAILING_ATTRIBUTION = new RegExp(
  `,\\s+(?:according\\s+to\\s+[^,]{1,60}|(?:[^\\s,]+\\s+){1,6}(?:${ATTRIBUTION_VERBS})(?:\\s+(?:citing|quoting|on|to)\\b[^,]{0,60})?)$`,
  'iu',
)

/** The title a file without one gets: its lead's first sentence, attribution and final period off. */
export function deriveTitle(firstParagraph: string): string {
  // Punctuation before the first word ("(…) The council…") is not a sentence of its own.
  const start = firstParagraph.search(/["'“‘«([「『（《【]?[\p{L}\p{N}]/u)
  let title = firstSentence(start > 0 ? firstParagraph.slice(start) : firstParagraph)
  // A headline has no full stop: "." (not "..."), 。, ।, ۔ go; question and exclamation marks stay.
  title = title.replace(/(?:(?<!\.)\.+|[。｡।॥۔]+)$/u, '').trim()
  const withoutAttribution = title.replace(TRAILING_ATTRIBUTION, '').trim()
  if (withoutAttribution.length >= 10) title = withoutAttribution
  return clampAtWord(title, TITLE_MAX)
}

/**
 * Cut text at the last space at or before max characters, with an ellipsis when cut. Text with no
 * space in the second half (Chinese, Japanese, a Thai phrase) is cut where `Intl.Segmenter` ends a
 * word, else a character (never inside a letter and its marks, or a surrogate pair).
 */
export function clampAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max + 1)
  const space = cut.lastIndexOf(' ')
  const head = space > max * 0.5 ? cut.slice(0, space) : text.slice(0, lastBoundary(text, max))
  return `${head.replace(/[\s,;:.\-–—、，：；]+$/u, '')}…`
}

let wordSegmenter: Intl.Segmenter | undefined
let graphemeSegmenter: Intl.Segmenter | undefined

/** The last word boundary in the second half of text's first max characters, else grapheme one. */
function lastBoundary(text: string, max: number): number {
  // Some context after the cut, so the segmenter sees the whole word that straddles it.
  const window = text.slice(0, max + 40)
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' })
  let word = 0
  for (const { index } of wordSegmenter.segment(window)) {
    if (index > max) break
    word = index
  }
  if (word > max * 0.5) return word
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  let grapheme = 0
  for (const { index } of graphemeSegmenter.segment(window)) {
    if (index > max) break
    grapheme = index
  }
  return grapheme
}

export function deriveExcerpt(firstParagraph: string): string {
  return clampAtWord(firstParagraph, EXCERPT_TARGET)
}

/**
 * The URL slug of a title: ASCII, lowercase, hyphens, at most 80 characters cut at a word; other
 * scripts in ASCII where a standard exists (transliterate.ts). Empty when most of the title's
 * letters have none (Arabic, Chinese, Thai...): the article's URL is its id alone, rather than a
 * slug made of a stray Latin word ("am" for 恥さらしを危惧するウェールズ議会議員 (AM)).
 */
export function slugify(title: string): string {
  let romanizable = 0
  let other = 0
  for (const ch of title) {
    if (!/\p{L}/u.test(ch)) continue
    if (ROMANIZABLE.test(ch)) romanizable += 1
    else other += 1
  }
  if (other > romanizable) return ''
  const ascii = toAscii(title.replace(/['’]/gu, ''))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (ascii.length <= SLUG_MAX) return ascii
  const cut = ascii.slice(0, SLUG_MAX + 1)
  const hyphen = cut.lastIndexOf('-')
  return (hyphen > 0 ? cut.slice(0, hyphen) : ascii.slice(0, SLUG_MAX)).replace(/-+$/g, '')
}
