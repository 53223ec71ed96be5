// @vitest-environment node
import { expect, it } from 'vitest'
import { readTypoShard } from '../../../src/lib/search/index-reader.ts'
import { TYPO_MAX_LENGTH, typoGroups, writeTypoShards } from './write-typo-shards.ts'

it('groups a word by its first and last two letters, for lengths one less to one more', () => {
  const terms = ['house', 'cat', 'ab1c', 'zürich']
  const { groups, entries } = typoGroups([0, 1, 2, 3], terms)
  const keysOf = (t: number) => [...groups].filter(([, ids]) => ids.includes(t)).map(([k]) => k)
  expect(keysOf(0)).toEqual(['pho4', 'sse4', 'pho5', 'sse5', 'pho6', 'sse6'])
  // Three letters: only the query length 4 (shorter queries are not corrected).
  expect(keysOf(1)).toEqual(['pca4', 'sat4'])
  // Letters only; code points, not code units.
  expect(keysOf(2)).toEqual([])
  expect(keysOf(3)).toContain('pzü6')
  expect(entries).toBe(6 + 2 + 6)
})

it('leaves out words too long to be offered as corrections', () => {
  const long = 'a'.repeat(TYPO_MAX_LENGTH + 1)
  expect(typoGroups([0], [long]).entries).toBe(0)
  expect(typoGroups([0], [long.slice(1)]).entries).toBe(6)
})

it('writes every group into the shard its key hashes to, with the words and their df', () => {
  const terms = ['building', 'bilding', 'builder']
  const files = new Map<string, Uint8Array>()
  const shards = writeTypoShards([1, 2, 0], terms, Int32Array.from([5, 1, 2]), 20, (path, b) =>
    files.set(path, b),
  )
  expect(shards).toBeGreaterThan(1)
  expect(files.size).toBe(shards)
  const all = new Map([...files.values()].flatMap((bytes) => [...readTypoShard(bytes)]))
  expect(all.get('pbu8')).toEqual([
    { term: 'builder', df: 2 },
    { term: 'building', df: 5 },
  ])
  expect(all.get('sng7')).toEqual([
    { term: 'bilding', df: 1 },
    { term: 'building', df: 5 },
  ])
})
