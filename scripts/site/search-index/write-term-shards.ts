/**
 * Term shards (index-format.ts, `t`): the terms in sorted order, cut into runs of about a target
 * size, each term with its document frequency and its scored postings. Their boundaries (the
 * shortest prefix that tells a shard's first term from the previous shard's last) go into root.
 */
import { ByteWriter, searchPaths, writeFrontCoded } from '../../../src/lib/search/index-format.ts'
import type { PutFile } from './index-files.ts'
import type { ScoredPostings } from './score-postings.ts'

export type TermShards = {
  termShards: number
  /** The first term (as a separator) of shards 1..termShards-1. */
  boundaries: string[]
}

/**
 * Writes the shards of `sorted` (term ids in term order): a shard is closed before a term's
 * postings would take it past `shardBytes`, so a term larger than that gets a shard alone. An
 * empty vocabulary still gets one (empty) shard, for the engine to find nothing in.
 */
export function writeTermShards(
  sorted: readonly number[],
  terms: readonly string[],
  postings: Pick<ScoredPostings, 'df' | 'encode'>,
  shardBytes: number,
  put: PutFile,
): TermShards {
  const boundaries: string[] = []
  let shard: number[] = []
  let shardPostings: Uint8Array[] = []
  let size = 0
  let termShards = 0
  const close = () => {
    put(
      searchPaths.termShard(termShards),
      encodeTermShard(
        shard.map((t) => terms[t] ?? ''),
        shard.map((t) => postings.df[t] ?? 0),
        shardPostings,
      ),
    )
    termShards++
    shard = []
    shardPostings = []
    size = 0
  }
  let lastTerm = ''
  for (const t of sorted) {
    const encoded = postings.encode(t)
    const term = terms[t] ?? ''
    if (size > 0 && size + encoded.length > shardBytes) close()
    if (shard.length === 0 && termShards > 0) boundaries.push(separator(lastTerm, term))
    shard.push(t)
    shardPostings.push(encoded)
    size += encoded.length + term.length + 3
    lastTerm = term
  }
  if (shard.length > 0 || termShards === 0) close()
  return { termShards, boundaries }
}

/** One term shard: n, the front-coded terms, n × (df, postings length), then the postings. */
export function encodeTermShard(
  terms: readonly string[],
  df: readonly number[],
  postings: readonly Uint8Array[],
): Uint8Array {
  const w = new ByteWriter()
  w.varint(terms.length)
  writeFrontCoded(w, terms)
  terms.forEach((_, i) => {
    w.varint(df[i] ?? 0)
    w.varint(postings[i]?.length ?? 0)
  })
  for (const list of postings) w.bytes(list)
  return w.finish()
}

/** The shortest prefix of `next` that sorts after `prev` (prev < next). */
export function separator(prev: string, next: string): string {
  for (let n = 1; n <= next.length; n++) {
    const cut = next.slice(0, n)
    if (cut > prev) return /[\ud800-\udbff]$/.test(cut) ? next.slice(0, n + 1) : cut
  }
  return next
}
