/**
 * Word-pair shards (index-format.ts, `b`): for each pair of adjacent words, the documents where
 * they stand side by side, found by the pair's hash (its shard key picks the shard, its
 * fingerprint the entry), so that phrases and proximity need no pair text in the index.
 */
import { ByteWriter, searchPaths } from '../../../src/lib/search/index-format.ts'
import type { CollectedWords } from './collect-words.ts'
import type { PutFile } from './index-files.ts'

/** An entry sorts by pair, then document: fingerprint (24 bits) above the document (27 bits). */
const DOC_SCALE = 2 ** 27

type PairLists = Pick<CollectedWords, 'pairKey' | 'pairFp' | 'pairDoc'>

/** Shards sized for about `shardBytes` each (some 2.5 bytes an entry), at least one. */
export function pairShardCount(pairs: number, shardBytes: number): number {
  return Math.max(1, Math.ceil((pairs * 2.5) / shardBytes))
}

/**
 * The collected pairs as sortable entries, grouped by shard: shard s holds
 * entries[start[s]..start[s + 1]]. Releases the collected lists, which the entries replace.
 */
export function pairsByShard(
  lists: PairLists,
  shards: number,
): { entries: Float64Array; start: Int32Array } {
  const { pairKey, pairFp, pairDoc } = lists
  const count = pairDoc.length
  const start = new Int32Array(shards + 1)
  for (let i = 0; i < count; i++) {
    const shard = ((pairKey.data[i] ?? 0) >>> 0) % shards
    start[shard + 1] = (start[shard + 1] ?? 0) + 1
  }
  for (let s = 0; s < shards; s++) start[s + 1] = (start[s + 1] ?? 0) + (start[s] ?? 0)
  const fill = start.slice(0, shards)
  const entries = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    const shard = ((pairKey.data[i] ?? 0) >>> 0) % shards
    const at = fill[shard] ?? 0
    fill[shard] = at + 1
    entries[at] = ((pairFp.data[i] ?? 0) >>> 0) * DOC_SCALE + (pairDoc.data[i] ?? 0)
  }
  for (const list of [pairKey, pairFp, pairDoc]) list.release()
  return { entries, start }
}

/**
 * One pair shard from its entries (sorted in place): n, n × (fingerprint gap, df), then each
 * pair's document gaps. `pairs` is n, the distinct pairs in the shard.
 */
export function encodePairShard(entries: Float64Array): { bytes: Uint8Array; pairs: number } {
  entries.sort()
  const fps: number[] = []
  const counts: number[] = []
  const postings = new ByteWriter()
  let prevDoc = -1
  for (const entry of entries) {
    const fp = Math.floor(entry / DOC_SCALE)
    const doc = entry - fp * DOC_SCALE
    if (fps.length === 0 || fps[fps.length - 1] !== fp) {
      fps.push(fp)
      counts.push(0)
      prevDoc = -1
    }
    counts[counts.length - 1] = (counts[counts.length - 1] ?? 0) + 1
    postings.varint(doc - prevDoc - 1)
    prevDoc = doc
  }
  const w = new ByteWriter()
  w.varint(fps.length)
  let prevFp = -1
  fps.forEach((fp, i) => {
    w.varint(fp - prevFp - 1)
    w.varint(counts[i] ?? 0)
    prevFp = fp
  })
  w.bytes(postings.finish())
  return { bytes: w.finish(), pairs: fps.length }
}

/** Writes the pair shards; returns their number and the distinct pairs in all. */
export function writePairShards(
  lists: PairLists,
  shardBytes: number,
  put: PutFile,
): { pairShards: number; distinctPairs: number } {
  if (lists.pairDoc.length >= 2 ** 31) throw new Error('too many word pairs for the search index')
  const pairShards = pairShardCount(lists.pairDoc.length, shardBytes)
  const { entries, start } = pairsByShard(lists, pairShards)
  let distinctPairs = 0
  for (let s = 0; s < pairShards; s++) {
    const shard = encodePairShard(entries.subarray(start[s] ?? 0, start[s + 1] ?? 0))
    distinctPairs += shard.pairs
    put(searchPaths.pairShard(s), shard.bytes)
  }
  return { pairShards, distinctPairs }
}
