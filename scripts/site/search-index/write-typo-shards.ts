/**
 * Typo shards (index-format.ts, `f`): every vocabulary word of letters only, under its first two
 * and its last two letters, for the query lengths one less, equal and one more than its own (one
 * edit leaves a word's start or its end intact; lengths as typoLength counts them, a Hangul
 * syllable as one). A group's shard is the hash of its key.
 */
import {
  ByteWriter,
  TYPO_MIN_LENGTH,
  hashString,
  searchPaths,
  typoGroupKey,
  typoLengthsServed,
  writeFrontCoded,
} from '../../../src/lib/search/index-format.ts'
import type { PutFile } from './index-files.ts'

/** Longer words are not offered as corrections. */
export const TYPO_MAX_LENGTH = 24

/** Raw bytes an entry takes, roughly, to size the shards. */
const ENTRY_BYTES = 7

/** The typo groups of `sorted` (term ids in term order): key -> term ids, and entries in all. */
export function typoGroups(
  sorted: readonly number[],
  terms: readonly string[],
): { groups: Map<string, number[]>; entries: number } {
  const groups = new Map<string, number[]>()
  let entries = 0
  for (const t of sorted) {
    const term = terms[t] ?? ''
    if (!/^\p{L}+$/u.test(term)) continue
    const letters = Array.from(term)
    const length = letters.length
    if (length < TYPO_MIN_LENGTH - 1 || length > TYPO_MAX_LENGTH) continue
    const first = letters.slice(0, 2).join('')
    const last = letters.slice(-2).join('')
    for (const n of typoLengthsServed(term)) {
      for (const key of [typoGroupKey('p', first, n), typoGroupKey('s', last, n)]) {
        const list = groups.get(key) ?? []
        list.push(t)
        groups.set(key, list)
        entries++
      }
    }
  }
  return { groups, entries }
}

/** Writes the typo shards of the vocabulary; returns their number. */
export function writeTypoShards(
  sorted: readonly number[],
  terms: readonly string[],
  df: Int32Array,
  shardBytes: number,
  put: PutFile,
): number {
  const { groups, entries } = typoGroups(sorted, terms)
  const typoShards = Math.max(1, Math.ceil((entries * ENTRY_BYTES) / shardBytes))
  const buckets: string[][] = Array.from({ length: typoShards }, () => [])
  for (const key of [...groups.keys()].sort()) {
    buckets[(hashString(key)[0] >>> 0) % typoShards]?.push(key)
  }
  buckets.forEach((keys, shard) => {
    const w = new ByteWriter()
    w.varint(keys.length)
    for (const key of keys) {
      const members = groups.get(key) ?? []
      w.string(key)
      w.varint(members.length)
      writeFrontCoded(
        w,
        members.map((t) => terms[t] ?? ''),
      )
      for (const t of members) w.varint(df[t] ?? 0)
    }
    put(searchPaths.typoShard(shard), w.finish())
  })
  return typoShards
}
