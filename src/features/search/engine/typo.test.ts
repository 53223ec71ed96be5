import { expect, it } from 'vitest'
import { editDistance, maxTypoDistance } from './typo.ts'

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
