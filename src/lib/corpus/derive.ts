/** Fields derived from an article's text: title, slug, excerpt, reading time. */

const WORDS_PER_MINUTE = 230
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
 * The first sentence of a paragraph. A period ends a sentence only when followed by white space and
 * a capital, digit or opening quote, and not after an abbreviation, an initial or a dotted acronym
 * ("U.S.").
 */
export function firstSentence(paragraph: string): string {
  const re = /(?<![.!?…])[.!?…]+["'”’»)\]]*(?=\s+["'“‘«([]?[\p{Lu}\p{N}])/gu
  for (const match of paragraph.matchAll(re)) {
    const end = match.index + match[0].length
    const before = paragraph.slice(Math.max(0, match.index - 100), match.index)
    const lastWord = /(\S+)$/u.exec(before)?.[1] ?? ''
    if (match[0].startsWith('.')) {
      const bare = lastWord.replace(/^["'“‘«([]+/u, '').toLowerCase()
      if (ABBREVIATIONS.has(bare)) continue
      // A single letter ("J. Smith") or a dotted acronym ("U.S") is not a sentence end.
      if (/^\p{L}$/u.test(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare)) continue
    }
    return paragraph.slice(0, end).trim()
  }
  return paragraph.trim()
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
  const start = firstParagraph.search(/["'“‘«([]?[\p{L}\p{N}]/u)
  let title = firstSentence(start > 0 ? firstParagraph.slice(start) : firstParagraph)
  title = title.replace(/(?<!\.)\.+$/u, '').trim()
  const withoutAttribution = title.replace(TRAILING_ATTRIBUTION, '').trim()
  if (withoutAttribution.length >= 10) title = withoutAttribution
  return clampAtWord(title, TITLE_MAX)
}

/** Cut text at the last word boundary at or before max characters, with an ellipsis when cut. */
export function clampAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max + 1)
  const space = cut.lastIndexOf(' ')
  const head = space > max * 0.5 ? cut.slice(0, space) : text.slice(0, max)
  return `${head.replace(/[\s,;:.\-–—]+$/u, '')}…`
}

export function deriveExcerpt(firstParagraph: string): string {
  return clampAtWord(firstParagraph, EXCERPT_TARGET)
}

/** Letters that Unicode does not decompose into an ASCII base letter. */
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ə: 'e',
  ı: 'i',
  ħ: 'h',
}

export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþəıħ]/gu, (ch) => TRANSLITERATIONS[ch] ?? '')
    .replace(/['’]/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (ascii.length <= SLUG_MAX) return ascii || 'article'
  const cut = ascii.slice(0, SLUG_MAX + 1)
  const hyphen = cut.lastIndexOf('-')
  return (hyphen > 0 ? cut.slice(0, hyphen) : ascii.slice(0, SLUG_MAX)).replace(/-+$/g, '')
}

export function countWords(paragraphs: readonly string[]): number {
  let count = 0
  for (const paragraph of paragraphs) {
    for (const token of paragraph.split(' ')) {
      if (/[\p{L}\p{N}]/u.test(token)) count += 1
    }
  }
  return count
}

export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE))
}
