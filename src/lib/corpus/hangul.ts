/**
 * The Revised Romanization of Korean (2000) of a run of Hangul syllables, with the sound changes
 * its spelling predicts: a final consonant carried over to a following vowel (한국어 hangugeo,
 * 읽어 ilgeo), nasalization (국민 gungmin, 독립 dongnip, 종로 jongno), ㄹ doubled (신라 silla,
 * 별내 byeollae), ㅎ aspirating a following consonant (좋고 joko) and palatalization (같이 gachi).
 * Changes the spelling does not show (an inserted ㄴ in 학여울, tensing, ㅎ after ㄱ ㄷ ㅂ in a
 * verb) are not made: they need the word's make-up, and the result is still a fair reading.
 */

const INITIALS = 'g kk n d tt r m b pp s ss - j jj ch k t p h'.split(' ')
const VOWELS = 'a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i'.split(' ')
/**
 * Each final (index 1-27): its sound before a consonant or at the end, and before a vowel what it
 * keeps and what it carries over to the next syllable.
 */
const FINALS: readonly [string, string, string][] = [
  ['', '', ''],
  ['k', '', 'g'], // ㄱ
  ['k', '', 'kk'], // ㄲ
  ['k', 'k', 's'], // ㄳ
  ['n', '', 'n'], // ㄴ
  ['n', 'n', 'j'], // ㄵ
  ['n', '', 'n'], // ㄶ
  ['t', '', 'd'], // ㄷ
  ['l', '', 'r'], // ㄹ
  ['k', 'l', 'g'], // ㄺ
  ['m', 'l', 'm'], // ㄻ
  ['l', 'l', 'b'], // ㄼ
  ['l', 'l', 's'], // ㄽ
  ['l', 'l', 't'], // ㄾ
  ['p', 'l', 'p'], // ㄿ
  ['l', '', 'r'], // ㅀ
  ['m', '', 'm'], // ㅁ
  ['p', '', 'b'], // ㅂ
  ['p', 'p', 's'], // ㅄ
  ['t', '', 's'], // ㅅ
  ['t', '', 'ss'], // ㅆ
  ['ng', 'ng', ''], // ㅇ
  ['t', '', 'j'], // ㅈ
  ['t', '', 'ch'], // ㅊ
  ['k', '', 'k'], // ㅋ
  ['t', '', 't'], // ㅌ
  ['p', '', 'p'], // ㅍ
  ['t', '', ''], // ㅎ
]
const [IEUNG, RIEUL, NIEUN, MIEUM] = [11, 5, 2, 6]
/** ㄱ ㄷ ㅈ after ㅎ (also in ㄶ ㅀ): aspirated. */
const ASPIRATED: Record<number, string> = { 0: 'k', 3: 't', 12: 'ch' }
const H_FINALS: Record<number, string> = { 6: 'n', 15: 'l', 27: '' }
const NASAL: Record<string, string> = { k: 'ng', t: 'n', p: 'm' }

/** The end of one syllable and the start of the next, as they sound together. */
function join(final: number, initial: number, vowel: number): [string, string] {
  const [coda, kept, carried] = FINALS[final] ?? ['', '', '']
  const onset = initial === IEUNG ? '' : (INITIALS[initial] ?? '')
  if (final === 0) return ['', onset]
  if (initial === IEUNG) {
    // ㄷ ㅌ (ㄾ) before 이 are palatalized: 굳이 guji, 같이 gachi.
    if (vowel === 20 && (final === 7 || final === 25 || final === 13)) {
      return [kept, final === 7 ? 'j' : 'ch']
    }
    return [kept, carried]
  }
  const hFinal = H_FINALS[final]
  if (hFinal !== undefined) {
    const aspirated = ASPIRATED[initial]
    if (aspirated !== undefined) return [hFinal, aspirated]
    if (initial === NIEUN) return final === 15 ? ['l', 'l'] : ['n', 'n']
  }
  if (initial === RIEUL) {
    if (coda === 'l' || coda === 'n') return ['l', 'l']
    return [NASAL[coda] ?? coda, 'n']
  }
  if (initial === NIEUN && coda === 'l') return ['l', 'l']
  if (initial === NIEUN || initial === MIEUM) return [NASAL[coda] ?? coda, onset]
  return [coda, onset]
}

/** A run of precomposed Hangul syllables (U+AC00-U+D7A3) in the Revised Romanization. */
export function romanizeHangul(run: string): string {
  const syllables = [...run].map((ch) => {
    const index = (ch.codePointAt(0) ?? 0xac00) - 0xac00
    return {
      initial: Math.floor(index / 588),
      vowel: Math.floor((index % 588) / 28),
      final: index % 28,
    }
  })
  let out = ''
  let onset = ''
  syllables.forEach((s, i) => {
    const first = i === 0 ? (s.initial === IEUNG ? '' : (INITIALS[s.initial] ?? '')) : onset
    const next = syllables[i + 1]
    const [coda, nextOnset] = next
      ? join(s.final, next.initial, next.vowel)
      : [FINALS[s.final]?.[0] ?? '', '']
    out += first + (VOWELS[s.vowel] ?? '') + coda
    onset = nextOnset
  })
  return out
}
