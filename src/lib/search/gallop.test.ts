import fc from 'fast-check'
import { expect, it } from 'vitest'
import { gallop } from './gallop.ts'

const SEED = Number(process.env.FC_SEED ?? 0x6a11)

it('finds the first index from `from` on whose value is at least the target', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 80 }),
      fc.nat({ max: 90 }),
      fc.integer({ min: -5, max: 210 }),
      (values, start, target) => {
        const docs = Int32Array.from(values).sort()
        const from = Math.min(start, docs.length)
        let expected = from
        while (expected < docs.length && (docs[expected] ?? 0) < target) expected++
        expect(gallop(docs, from, target)).toBe(expected)
      },
    ),
    { seed: SEED, numRuns: 500 },
  )
})

it('answers the length past the last value, and `from` when the target is behind it', () => {
  const docs = Int32Array.from([2, 4, 8, 16])
  expect(gallop(docs, 0, 17)).toBe(4)
  expect(gallop(docs, 2, 3)).toBe(2)
  expect(gallop(docs, 0, 8)).toBe(2)
  expect(gallop(new Int32Array(0), 0, 1)).toBe(0)
})
