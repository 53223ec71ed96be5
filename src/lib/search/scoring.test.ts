import fc from 'fast-check'
import { expect, it } from 'vitest'
import { intersect } from './scoring.ts'
import type { SlotList } from './slots.ts'

const SEED = Number(process.env.FC_SEED ?? 0x5c0e)

/** A slot list over `docs` (sorted, distinct): score, choice and title idf given per document. */
function slotList(
  docs: number[],
  score: (doc: number) => number = () => 1,
  choice: (doc: number) => number = () => 0,
  title: (doc: number) => number = () => 0,
): SlotList {
  return {
    docs: Int32Array.from(docs),
    scores: Float64Array.from(docs, score),
    choice: Uint8Array.from(docs, choice),
    title: Float64Array.from(docs, title),
  }
}

const docSet = fc
  .uniqueArray(fc.nat({ max: 60 }), { maxLength: 40 })
  .map((d) => d.sort((a, b) => a - b))

it('keeps the documents of every list and every required list, with their scores and choices', () => {
  fc.assert(
    fc.property(
      fc.array(docSet, { minLength: 1, maxLength: 4 }),
      fc.array(docSet, { maxLength: 2 }),
      (lists, required) => {
        const slotLists = lists.map((docs, s) =>
          slotList(
            docs,
            (doc) => doc + s / 10,
            (doc) => (doc + s) % 3,
          ),
        )
        const matches = intersect(
          slotLists,
          required.map((docs) => Int32Array.from(docs)),
          [],
        )
        const expected = (lists[0] ?? []).filter((doc) =>
          [...lists, ...required].every((docs) => docs.includes(doc)),
        )
        expect([...matches.docs]).toEqual(expected)
        expected.forEach((doc, i) => {
          const sum = lists.reduce((total, _, s) => total + doc + s / 10, 0)
          expect(matches.scores[i]).toBeCloseTo(sum, 9)
          lists.forEach((_, s) => expect(matches.choices[s]?.[i]).toBe((doc + s) % 3))
        })
      },
    ),
    { seed: SEED, numRuns: 300 },
  )
})

it('adds the words found together in the title, by the share found there squared', () => {
  const a = slotList(
    [1, 2],
    () => 1,
    undefined,
    () => 2,
  )
  const b = slotList(
    [1, 2],
    () => 1,
    undefined,
    (doc) => (doc === 1 ? 3 : 0),
  )
  const matches = intersect([a, b], [], [])
  // Both words in the title of 1: 4 × 1² × (2 + 3); one of two in the title of 2: 4 × ½² × 2.
  expect([...matches.scores]).toEqual([2 + 20, 2 + 2])
})

it('adds the best pair bonus at each position, and the phrase by the share of positions found', () => {
  const lists = [slotList([1, 2, 3], () => 0), slotList([1, 2, 3], () => 0)]
  const pairs = [
    [
      { docs: Int32Array.from([1, 2]), bonus: 1 },
      { docs: Int32Array.from([2]), bonus: 5 },
    ],
    [{ docs: Int32Array.from([1]), bonus: 2 }],
  ]
  const matches = intersect(lists, [], pairs, { positions: 2, weight: 10 })
  // 1: pairs at both positions, 1 + 2, and the whole phrase, 4 × 1² × 10; 2: one position of two,
  // 5 + 4 × ½² × 10; 3: no pair.
  expect([...matches.scores]).toEqual([3 + 40, 5 + 10, 0])
})

it('matches nothing without lists, or when a list is empty', () => {
  expect(intersect([], [], []).docs).toHaveLength(0)
  expect(intersect([slotList([1, 2]), slotList([])], [], []).docs).toHaveLength(0)
})
