// @vitest-environment node
import { expect, it } from 'vitest'
import { PairShard } from '../../../src/lib/search/index-reader.ts'
import { IntList } from './int-list.ts'
import { encodePairShard, pairShardCount, pairsByShard } from './write-pair-shards.ts'

/** Pair lists from [shard key, fingerprint, document] triples. */
function lists(triples: Array<[number, number, number]>) {
  const pairKey = new IntList()
  const pairFp = new IntList()
  const pairDoc = new IntList()
  for (const [key, fp, doc] of triples) {
    pairKey.push(key)
    pairFp.push(fp)
    pairDoc.push(doc)
  }
  return { pairKey, pairFp, pairDoc }
}

it('sizes the pair shards by their entries, at least one', () => {
  expect(pairShardCount(0, 6000)).toBe(1)
  expect(pairShardCount(2400, 6000)).toBe(1)
  expect(pairShardCount(2401, 6000)).toBe(2)
})

it('groups the entries by shard key and releases the collected lists', () => {
  // Key -1 is 2^32 - 1 unsigned: shard 1 of 2, like key 3.
  const collected = lists([
    [3, 7, 0],
    [2, 5, 1],
    [-1, 9, 2],
  ])
  const { entries, start } = pairsByShard(collected, 2)
  expect(Array.from(start)).toEqual([0, 1, 3])
  expect(Array.from(entries)).toEqual([5 * 2 ** 27 + 1, 7 * 2 ** 27 + 0, 9 * 2 ** 27 + 2])
  expect(collected.pairKey.length + collected.pairFp.length + collected.pairDoc.length).toBe(0)
})

it('encodes a shard that the engine reads back, pair by pair', () => {
  const { entries } = pairsByShard(
    lists([
      [0, 0xabcdef, 40],
      [0, 12, 3],
      [0, 0xabcdef, 2],
      [0, 12, 7],
      [0, 0xabcdef, 2 ** 27 - 1],
    ]),
    1,
  )
  const { bytes, pairs } = encodePairShard(entries)
  expect(pairs).toBe(2)
  const shard = new PairShard(bytes)
  expect(Array.from(shard.lookup(12)?.docs ?? [])).toEqual([3, 7])
  expect(Array.from(shard.lookup(0xabcdef)?.docs ?? [])).toEqual([2, 40, 2 ** 27 - 1])
  expect(shard.lookup(13)).toBeNull()
})
