/**
 * Which way a story's text runs, from its `language` (a BCP 47 tag from the front matter), for the
 * `dir` attribute of its title, excerpt and body: right to left for the languages written in
 * Arabic, Hebrew, Thaana, Syriac or N'Ko script, `auto` (the browser reads the text's first
 * strong letter) for any other language, nothing when the story gives no language (the page's
 * direction holds).
 */

/** Languages written right to left by default, by their primary subtag. */
const RTL_LANGUAGES = new Set([
  'ar', // Arabic
  'arc', // Aramaic
  'ckb', // Central Kurdish (Sorani)
  'dv', // Dhivehi
  'fa', // Persian
  'glk', // Gilaki
  'he', // Hebrew
  'iw', // Hebrew (the old code)
  'ji', // Yiddish (the old code)
  'ks', // Kashmiri
  'lrc', // Northern Luri
  'mzn', // Mazanderani
  'nqo', // N'Ko
  'pnb', // Western Punjabi
  'prs', // Dari
  'ps', // Pashto
  'sd', // Sindhi
  'syr', // Syriac
  'ug', // Uyghur
  'ur', // Urdu
  'yi', // Yiddish
])

/** Scripts written right to left (ISO 15924), for tags that name one: `az-Arab`, `ku-Arab`. */
const RTL_SCRIPTS = new Set([
  'adlm',
  'arab',
  'hebr',
  'mand',
  'nkoo',
  'rohg',
  'samr',
  'syrc',
  'thaa',
])

export type TextDirection = 'rtl' | 'auto'

export function dirOf(language: string | null | undefined): TextDirection | undefined {
  if (language === null || language === undefined || language === '') return undefined
  const [primary = '', ...rest] = language.toLowerCase().split(/[-_]/)
  const script = rest.find((subtag) => /^[a-z]{4}$/.test(subtag))
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? 'rtl' : 'auto'
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'auto'
}

/**
 * The `lang` and `dir` attributes of a story's text (title, excerpt, body); none when the story
 * gives no language.
 */
export function textProps(language: string | null | undefined): {
  lang?: string
  dir?: TextDirection
} {
  const dir = dirOf(language)
  return language && dir ? { lang: language, dir } : {}
}
