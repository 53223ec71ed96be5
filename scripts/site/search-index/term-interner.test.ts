// @vitest-environment node
import { expect, it } from 'vitest'
import { TermInterner } from './term-interner.ts'

/** Interns every word of `text` (split on spaces), as scanWords would hand them over. */
function intern(interner: TermInterner, text: string, created: string[] = []): number[] {
  const ids: number[] = []
  let start = 0
  for (const word of text.split(' ')) {
    const end = start + word.length
    const ascii = /^[A-Za-z0-9]+$/.test(word)
    ids.push(interner.idOf(text, start, end, ascii, (_, term) => created.push(term)))
    start = end + 1
  }
  return ids
}

it('gives a word the id of its term, whatever its case or accents', () => {
  const interner = new TermInterner()
  const created: string[] = []
  const ids = intern(interner, 'Fox fox FOX Zürich zurich ZURICH École ecole', created)
  expect(ids).toEqual([0, 0, 0, 1, 1, 1, 2, 2])
  expect(created).toEqual(['fox', 'zurich', 'ecole'])
  expect(interner.terms).toEqual(created)
})

it('gives no id to a word without a term (a lone combining mark)', () => {
  const interner = new TermInterner()
  expect(intern(interner, '\u0301')).toEqual([-1])
  expect(interner.terms).toEqual([])
})

it('keeps every id as its table grows past its first size', () => {
  const interner = new TermInterner()
  const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`)
  const first = intern(interner, words.join(' '))
  expect(first).toEqual(words.map((_, i) => i))
  const again = intern(interner, words.map((w) => w.toUpperCase()).join(' '))
  expect(again).toEqual(first)
  expect(interner.terms.length).toBe(3000)
})
