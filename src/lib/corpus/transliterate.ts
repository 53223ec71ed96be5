/**
 * Letters of other scripts in plain ASCII, for URL slugs. Only the title is known (the browser
 * rebuilds related stories' slugs from their titles), so every rule depends on the letters alone,
 * never on the language:
 *
 * - Latin: diacritics dropped (`Zürich` -> `zurich`, `Azərbaycan` -> `azerbaycan`, `İstanbul` ->
 *   `istanbul`); German `ä ö ü` are `a o u` too, as Turkish, Finnish or Hungarian would have them
 *   (`ae` is German only); letters with no base letter by the table below (`ß` -> `ss`).
 * - Cyrillic: BGN/PCGN romanization of Russian (1947) without its diacritics and apostrophes,
 *   `е` as `ye` at the start of a word and after a vowel, `ъ` or `ь` (`Ельцин` -> `yeltsin`); the
 *   Ukrainian, Belarusian, Serbian and Macedonian letters as those languages' BGN/PCGN tables.
 * - Greek: ISO 843 (ELOT 743) transliteration without accents or macrons (`η` -> `i`, `ω` -> `o`,
 *   `γ` -> `n` before `γ κ ξ χ`, `υ` -> `u` in `αυ ευ ηυ ου`).
 * - Hangul: Revised Romanization of Korean (hangul.ts).
 *
 * Other scripts (Arabic, Hebrew, Devanagari, Han, kana, Thai...) have no such few-line standard:
 * their letters are left out.
 */
import { romanizeHangul } from './hangul.ts'

/** Latin letters that Unicode does not decompose into an ASCII base letter. */
const LATIN: Record<string, string> = {
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

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian, Belarusian
  є: 'ye',
  і: 'i',
  ї: 'yi',
  ґ: 'g',
  ў: 'w',
  // Serbian, Macedonian
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
}

const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
}

/**
 * Ukrainian by its national system (2010), for text with letters Russian lacks (і ї є ґ):
 * `Київ` -> `kyiv`, `Зеленський` -> `zelenskyi`. The first form is the one at the start of a word.
 */
const UKRAINIAN: Record<string, [string, string]> = {
  г: ['h', 'h'],
  и: ['y', 'y'],
  е: ['e', 'e'],
  є: ['ye', 'ie'],
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
}

function cyrillicToAscii(lower: string): string {
  if (/[іїєґ]/u.test(lower)) {
    return lower.replace(/[\u0400-\u04FF]/gu, (ch, at: number) => {
      const forms = UKRAINIAN[ch]
      if (!forms) return CYRILLIC[ch] ?? ch
      return forms[/[\p{L}\p{M}]/u.test(lower.charAt(at - 1)) ? 1 : 0]
    })
  }
  return (
    lower
      // BGN/PCGN: е and ё are "ye" where they start a syllable.
      .replace(/(?<=^|[^\p{L}\p{M}]|[аеёиоуыэюяъь])[её]/gu, 'ye')
      .replace(/[\u0400-\u04FF]/gu, (ch) => CYRILLIC[ch] ?? ch)
  )
}

/** The letters this module writes in ASCII: those that count towards a slug. */
export const ROMANIZABLE = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hangul}]/u

/**
 * Lowercase text with Latin, Cyrillic, Greek and Hangul letters in ASCII; anything else not ASCII
 * (other scripts' letters, punctuation) becomes a space.
 */
export function toAscii(text: string): string {
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\uAC00-\uD7A3]+/gu, romanizeHangul)
  return (
    cyrillicToAscii(lower)
      .normalize('NFD')
      // A diaeresis on υ (U+0308) splits the diphthong: αϋ is "ay".
      .replace(/([αεηο])υ(?!\u0308)/gu, '$1u')
      .replace(/γ(?=[γκξχ])/gu, 'n')
      .replace(/[\u0370-\u03FF]/gu, (ch) => GREEK[ch] ?? ch)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[ßæœøłđðþəıħ]/gu, (ch) => LATIN[ch] ?? '')
      .replace(/[^\p{ASCII}]+/gu, ' ')
  )
}
