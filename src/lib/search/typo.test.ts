import { expect, it } from 'vitest'
import { normalizeTerm } from './normalize.ts'
import { distanceFrom, editDistance, maxTypoDistance } from './typo.ts'

it('counts one edit for a substitution, an insertion, a deletion or a swap of neighbours', () => {
  expect(editDistance('azerbaijan', 'azerbaijan', 2)).toBe(0)
  expect(editDistance('renects', 'rejects', 2)).toBe(1)
  expect(editDistance('sutan', 'sultan', 2)).toBe(1)
  expect(editDistance('raiilway', 'railway', 2)).toBe(1)
  expect(editDistance('railawy', 'railway', 2)).toBe(1)
  expect(editDistance('azerbijan', 'azerbaijan', 2)).toBe(1)
  expect(editDistance('hajiev', 'hajiyev', 2)).toBe(1)
  expect(editDistance('kipchgoe', 'kipchoge', 2)).toBe(1)
})

it('stops at the bound', () => {
  expect(editDistance('magnitogorsk', 'marathon', 2)).toBe(3)
  expect(editDistance('abc', 'abcdef', 1)).toBe(2)
  expect(editDistance('hurricane', 'hurricanes', 0)).toBe(1)
})

it('works on code points, not UTF-16 units', () => {
  expect(editDistance('a😀b', 'ab', 2)).toBe(1)
  expect(editDistance('azərbaycan', 'azerbaycan', 2)).toBe(1)
})

it('allows two edits from eight letters on', () => {
  expect(maxTypoDistance(4)).toBe(1)
  expect(maxTypoDistance(7)).toBe(1)
  expect(maxTypoDistance(8)).toBe(2)
})

it('gives the same distances from one term to many words, of any length, as one at a time', () => {
  const words = [
    'azerbaijan',
    'azərbaycan',
    'a',
    '',
    'a😀b',
    // Longer than the rows start (16): they grow, and the shorter words after still fit.
    'internationalizations',
    'internationalisation',
    'intrenationalisations',
  ]
  for (const term of ['azerbaijan', 'ab', '', 'internationalisations']) {
    for (const max of [0, 1, 2]) {
      const distanceTo = distanceFrom(term, max)
      for (const word of [...words, ...[...words].reverse()]) {
        expect(distanceTo(word), `${term} → ${word}, max ${max}`).toBe(reference(term, word, max))
      }
    }
  }
})

/** Optimal string alignment on code points, the whole table, no early exit. */
function reference(a: string, b: string, max: number): number {
  const s = Array.from(a)
  const t = Array.from(b)
  const d = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1)
      }
    }
  }
  return Math.min(d[s.length]![t.length]!, max + 1)
}

it('counts one edit for a mistyped jamo, a syllable left out or two swapped in Korean', () => {
  const distance = (typed: string, word: string) =>
    distanceFrom(normalizeTerm(typed), 2)(normalizeTerm(word))
  expect(distance('모레조각', '모래조각')).toBe(1)
  expect(distance('서을에서', '서울에서')).toBe(1)
  expect(distance('인도시아의', '인도네시아의')).toBe(1)
  expect(distance('분리주자의들이', '분리주의자들이')).toBe(1)
  // Two different syllables are more than one edit.
  expect(distance('부산에서', '서울에서')).toBeGreaterThan(1)
})
