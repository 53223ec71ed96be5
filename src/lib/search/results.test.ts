import { expect, it } from 'vitest'
import type { LoadedRoot } from './index-store.ts'
import { emptyResult, sourceCounts, sourceRange } from './results.ts'

// Documents 0-2 from Beta, 3-4 from Alpha, 5-6 without a source.
const root: LoadedRoot = {
  format: 1,
  docs: 7,
  scoreStep: 0.1,
  termShards: 1,
  pairShards: 1,
  typoShards: 1,
  docChunk: 32,
  sources: [
    { name: 'Beta', slug: 'beta', start: 0, count: 3 },
    { name: 'Alpha', slug: 'alpha', start: 3, count: 2 },
  ],
  unsourced: { start: 5, count: 2 },
  boundaries: [],
  recency: new Float32Array(7),
}
const docs = Int32Array.from([0, 2, 3, 4, 6])

it('counts the matches of each source, the most first, then by name', () => {
  expect(sourceCounts(root, docs)).toEqual([
    { name: 'Alpha', slug: 'alpha', count: 2 },
    { name: 'Beta', slug: 'beta', count: 2 },
  ])
  expect(sourceCounts(root, Int32Array.from([1, 6]))).toEqual([
    { name: 'Beta', slug: 'beta', count: 1 },
  ])
})

it("filters the matches to a source's range, none for an unknown source", () => {
  expect(sourceRange(root, docs, null)).toEqual({ from: 0, to: 5 })
  expect(sourceRange(root, docs, 'alpha')).toEqual({ from: 2, to: 4 })
  expect(sourceRange(root, docs, 'beta')).toEqual({ from: 0, to: 2 })
  expect(sourceRange(root, docs, 'gamma')).toEqual({ from: 0, to: 0 })
})

it('answers an empty query with nothing', () => {
  expect(emptyResult('  ')).toEqual({
    query: '  ',
    correctedQuery: null,
    total: 0,
    hits: [],
    sources: [],
    terms: [],
    prefixTerm: null,
  })
})
