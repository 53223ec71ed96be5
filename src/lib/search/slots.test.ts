import { expect, it } from 'vitest'
import type { Postings, Root } from './index-reader.ts'
import { parseQuery } from './query.ts'
import { mergeSlot, planSlots, weighGuesses, type Alternative, type Slot } from './slots.ts'

const root: Root = {
  format: 1,
  docs: 10,
  scoreStep: 0.1,
  termShards: 1,
  pairShards: 1,
  typoShards: 1,
  docChunk: 32,
  sources: [],
  unsourced: { start: 0, count: 10 },
  boundaries: [],
}

function postings(entries: Array<[doc: number, score: number, inTitle?: boolean]>): Postings {
  return {
    docs: Int32Array.from(entries, ([doc]) => doc),
    scores: Uint16Array.from(entries, ([, score]) => score),
    inTitle: Uint8Array.from(entries, ([, , inTitle]) => (inTitle ? 1 : 0)),
  }
}

function slot(alternatives: Alternative[]): Slot {
  return { term: 'word', word: 0, quoted: false, df: 0, alternatives }
}

it('makes one slot per distinct word, quoted when the word is quoted anywhere', () => {
  const { slots, slotOfWord, completable } = planSlots(parseQuery('storm ferry storm "ferry"'))
  expect(slots.map((s) => [s.term, s.word, s.quoted])).toEqual([
    ['storm', 0, false],
    ['ferry', 1, true],
  ])
  expect(slotOfWord).toEqual([0, 1, 0, 1])
  expect(completable).toBeNull()
})

it('completes the last word while it is typed, from two letters on', () => {
  expect(planSlots(parseQuery('ferry storm')).completable?.term).toBe('storm')
  expect(planSlots(parseQuery('ferry storm ')).completable).toBeNull()
  expect(planSlots(parseQuery('ferry s')).completable).toBeNull()
})

it('scales a word alone in its slot by the score step and its weight, with its idf in titles', () => {
  const list = mergeSlot(
    slot([
      {
        term: 'a',
        kind: 'exact',
        weight: 1,
        postings: postings([
          [2, 10, true],
          [5, 30],
        ]),
      },
    ]),
    root,
  )
  expect([...list.docs]).toEqual([2, 5])
  expect([...list.scores]).toEqual([10 * 0.1, 30 * 0.1])
  expect(list.title[0]).toBeGreaterThan(0)
  expect(list.title[1]).toBe(0)
})

it('keeps the best alternative per document, and never a correction where the word matched', () => {
  const list = mergeSlot(
    slot([
      {
        term: 'word',
        kind: 'exact',
        weight: 1,
        postings: postings([
          [1, 10],
          [4, 10],
        ]),
      },
      {
        term: 'words',
        kind: 'prefix',
        weight: 0.5,
        postings: postings([
          [4, 60, true],
          [6, 20],
        ]),
      },
      {
        term: 'ward',
        kind: 'fuzzy',
        weight: 1,
        postings: postings([
          [1, 90],
          [3, 40],
        ]),
      },
    ]),
    root,
  )
  expect([...list.docs]).toEqual([1, 3, 4, 6])
  // 1: the word itself, though the correction scores more; 4: the completion, 60 × 0.5 > 10.
  expect([...list.choice]).toEqual([0, 2, 1, 1])
  expect([...list.scores].map((s) => Math.round(s * 100) / 100)).toEqual([1, 4, 3, 1])
  expect([...list.title].map((t) => t > 0)).toEqual([false, false, true, false])
})

it('weighs the best guess of a word found only as guesses like a word found as typed', () => {
  const guesses = slot([
    { term: 'a', kind: 'fuzzy', weight: 0.7, postings: postings([]) },
    { term: 'b', kind: 'fuzzy', weight: 0.35, postings: postings([]) },
  ])
  const typed = slot([
    { term: 'c', kind: 'exact', weight: 1, postings: postings([]) },
    { term: 'd', kind: 'fuzzy', weight: 0.7, postings: postings([]) },
  ])
  weighGuesses([guesses, typed])
  expect(guesses.alternatives.map((a) => a.weight)).toEqual([1, 0.5])
  expect(typed.alternatives.map((a) => a.weight)).toEqual([1, 0.7])
})
