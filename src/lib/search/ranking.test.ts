import { expect, it } from 'vitest'
import type { DocMeta, Postings } from './index-reader.ts'
import { bestMatches, hasPhrase, rerankCount, typedMask } from './ranking.ts'
import type { Matches } from './scoring.ts'
import type { Slot } from './slots.ts'

const none: Postings = {
  docs: new Int32Array(0),
  scores: new Uint16Array(0),
  inTitle: new Uint8Array(0),
}

const meta: DocMeta = {
  id: '0000000000000001',
  slug: 'storm',
  title: 'Ferry service resumes',
  source: null,
  sourceSlug: null,
  date: null,
  excerpt: 'After the winter storms, the ferry runs again.',
}

it('finds the query as a phrase in the title or the text, in its forms, the last as a prefix', () => {
  const forms = (...words: string[][]) => words.map((w) => new Set(w))
  const doc = { meta, paragraphs: ['The ferry runs again after the winter storms.'] }
  expect(hasPhrase(doc, forms(['ferry'], ['service']), null)).toBe(true)
  expect(hasPhrase(doc, forms(['winter'], ['storm']), null)).toBe(false)
  expect(hasPhrase(doc, forms(['winter'], ['storm']), 'storm')).toBe(true)
  expect(hasPhrase(doc, forms(['runs'], ['ferry']), null)).toBe(false)
  expect(hasPhrase(doc, forms(['ferri', 'ferry'], ['runs']), null)).toBe(true)
  // A long article is checked against its lead only.
  const long = { meta, paragraphs: null }
  expect(hasPhrase(long, forms(['winter'], ['storms']), null)).toBe(true)
  expect(hasPhrase(long, forms(['runs'], ['again'], ['after']), null)).toBe(false)
})

it('marks the matches a correction found', () => {
  const slots: Slot[] = [
    {
      term: 'ferry',
      word: 0,
      quoted: false,
      df: 1,
      alternatives: [
        { term: 'ferry', kind: 'exact', weight: 1, postings: none },
        { term: 'fairy', kind: 'fuzzy', weight: 0.7, postings: none },
      ],
    },
  ]
  const matches: Matches = {
    docs: Int32Array.from([1, 2, 3]),
    scores: new Float64Array(3),
    choices: [Uint8Array.from([0, 1, 0])],
  }
  expect([...typedMask(slots, matches)]).toEqual([1, 0, 1])
})

it('orders by score or rank, matches as typed first, ties by recency', () => {
  const recency = Float32Array.from([0.9, 0.1, 0.5, 0.2])
  const matches: Matches = {
    docs: Int32Array.from([0, 1, 2, 3]),
    scores: Float64Array.from([5, 2, 2, 9]),
    choices: [],
  }
  const range = { matches, typed: Uint8Array.from([1, 1, 1, 0]), from: 0, to: 4 }
  expect(bestMatches(recency, range, null, 4)).toEqual([0, 1, 2, 3])
  expect(bestMatches(recency, range, Int32Array.from([3, 0, 1, 2]), 2)).toEqual([1, 2])
  expect(bestMatches(recency, { ...range, from: 1 }, null, 2)).toEqual([0, 1])
})

it('checks the phrase of three words or more, within the results shown, at most ten', () => {
  expect(rerankCount(true, 3, 25)).toBe(10)
  expect(rerankCount(true, 3, 4)).toBe(4)
  expect(rerankCount(true, 2, 25)).toBe(0)
  expect(rerankCount(false, 3, 25)).toBe(0)
})
