import fc from 'fast-check'
import { expect, it } from 'vitest'
import { topK } from './top-k.ts'

const SEED = Number(process.env.FC_SEED ?? 0x70b4)

const byIndex = (a: number, b: number) => a < b

it('gives the indices of the k highest keys, highest first, ties in the order of `before`', () => {
  fc.assert(
    fc.property(
      // Few distinct keys: many ties, which `before` must order.
      fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }),
      fc.integer({ min: -1, max: 70 }),
      (values, k) => {
        const keys = Float64Array.from(values)
        const sorted = values
          .map((_, i) => i)
          .sort((a, b) => (keys[b] ?? 0) - (keys[a] ?? 0) || a - b)
        expect(topK(keys, k, byIndex)).toEqual(sorted.slice(0, Math.max(0, k)))
      },
    ),
    { seed: SEED, numRuns: 300 },
  )
})

it('orders equal keys by `before` only', () => {
  const keys = Float64Array.from([1, 3, 1, 3, 2])
  expect(topK(keys, 3, (a, b) => a > b)).toEqual([3, 1, 4])
  expect(topK(keys, 0, byIndex)).toEqual([])
})
