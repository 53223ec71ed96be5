// @vitest-environment node
import { expect, it } from 'vitest'
import { TermShard } from '../../../src/lib/search/index-reader.ts'
import type { ScoredPostings } from './score-postings.ts'
import { separator, writeTermShards } from './write-term-shards.ts'

it('cuts the shortest prefix of the next term that sorts after the previous one', () => {
  expect(separator('apple', 'banana')).toBe('b')
  expect(separator('fox', 'foxes')).toBe('foxe')
  expect(separator('ab', 'abc')).toBe('abc')
  // Never half of a surrogate pair.
  expect(separator('a\ud83c\udf89', 'a\ud83d\ude00')).toBe('a\ud83d\ude00')
})

/** Postings of the given sizes, one term each (term id = index). */
function fakePostings(sizes: number[]): Pick<ScoredPostings, 'df' | 'encode'> {
  return {
    df: Int32Array.from(sizes.map((_, t) => t + 1)),
    encode: (t: number) => new Uint8Array(sizes[t] ?? 0).fill(t),
  }
}

function write(terms: string[], sizes: number[], shardBytes: number) {
  const files = new Map<string, Uint8Array>()
  const sorted = terms.map((_, t) => t)
  const result = writeTermShards(sorted, terms, fakePostings(sizes), shardBytes, (path, bytes) =>
    files.set(path, bytes),
  )
  const shards = [...files.values()].map((bytes) => new TermShard(bytes))
  return { ...result, files, shards }
}

it('closes a shard before a term would take it past the size, a large term alone', () => {
  const { termShards, boundaries, shards } = write(['ant', 'bee', 'cat', 'dog'], [4, 4, 50, 4], 20)
  expect(termShards).toBe(3)
  expect(shards.map((s) => s.terms)).toEqual([['ant', 'bee'], ['cat'], ['dog']])
  expect(boundaries).toEqual(['c', 'd'])
  expect(shards[1]?.df).toEqual([3])
})

it('writes one empty shard for an empty vocabulary', () => {
  const { termShards, boundaries, files, shards } = write([], [], 20)
  expect(termShards).toBe(1)
  expect(boundaries).toEqual([])
  expect([...files.keys()]).toEqual(['search/t/0.bin'])
  expect(shards[0]?.terms).toEqual([])
})
