/**
 * Builds the static search index from the compiled corpus and writes it with the corpus emitter,
 * into `search/` of the versioned data folder. The layout of every file is described in
 * src/lib/search/index-format.ts, which the query engine reads with.
 *
 * The build runs in steps, each in its own module: number the documents (document-order.ts);
 * collect the words of every article in one pass (collect-words.ts); score the postings once
 * (score-postings.ts: BM25, title and body as separate fields, quantised); then one writer per
 * kind of file (write-*.ts), each cutting its part into shards of a few kilobytes. The collected
 * lists are released as soon as the step that reads them is done, to keep the peak memory low.
 */
import type { Article } from '../../../src/lib/corpus/types.ts'
import { DOC_CHUNK, INDEX_FORMAT, SCORE_STEP } from '../../../src/lib/search/index-format.ts'
import type { ExtraEmitter } from '../corpus/emit-corpus.ts'
import { collectWords } from './collect-words.ts'
import { documentOrder } from './document-order.ts'
import { IndexFiles } from './index-files.ts'
import { ScoredPostings } from './score-postings.ts'
import { writeDocChunks } from './write-doc-chunks.ts'
import { writePairShards } from './write-pair-shards.ts'
import { writeRanks } from './write-ranks.ts'
import { writeRoot } from './write-root.ts'
import { writeTermShards } from './write-term-shards.ts'
import { writeTypoShards } from './write-typo-shards.ts'

export type SearchIndexOptions = {
  /** Raw bytes after which a term shard is closed (a single larger term gets a shard alone). */
  termShardBytes?: number
  /** Target raw bytes of a word-pair shard. */
  pairShardBytes?: number
  /** Target raw bytes of a typo shard. */
  typoShardBytes?: number
  /** zlib level of every file. */
  level?: number
}

const DEFAULTS: Required<SearchIndexOptions> = {
  termShardBytes: 12_000,
  pairShardBytes: 6_000,
  typoShardBytes: 6_000,
  level: 4,
}

/**
 * Articles with more body text than this are shown with their lead: their list fields are in a
 * file of the index (search/m/), so that a result never loads a large article file.
 */
export const LONG_ARTICLE_CHARS = 12_000

export type SearchIndexStats = {
  files: number
  bytes: number
  terms: number
  pairs: number
  seconds: number
  byKind: Record<string, { files: number; bytes: number }>
}

/** The index files, path -> compressed bytes. */
export function buildSearchIndex(
  articles: readonly Article[],
  options: SearchIndexOptions = {},
): { files: Map<string, Uint8Array>; stats: SearchIndexStats } {
  const started = performance.now()
  const opts = { ...DEFAULTS, ...options }
  const docs = articles.length
  // Document numbers share a float with a 24-bit pair fingerprint (see the word-pair shards).
  if (docs >= 2 ** 27) throw new Error('too many articles for the search index')

  const order = documentOrder(articles)
  const words = collectWords(articles, order.rankOf)
  const { terms } = words
  const out = new IndexFiles(opts.level)

  const postings = new ScoredPostings(words, docs)
  words.postTerm.release()
  const sorted = sortedTermIds(terms)
  const { termShards, boundaries } = writeTermShards(
    sorted,
    terms,
    postings,
    opts.termShardBytes,
    out.put,
  )
  words.postDoc.release()
  words.postTf.release()
  // Releases the collected pairs once they are grouped by shard.
  const { pairShards, distinctPairs } = writePairShards(words, opts.pairShardBytes, out.put)
  const typoShards = writeTypoShards(sorted, terms, postings.df, opts.typoShardBytes, out.put)
  writeDocChunks(articles, order, words.bodyChars, LONG_ARTICLE_CHARS, out.put)
  writeRanks(order, out.put)
  writeRoot(
    {
      format: INDEX_FORMAT,
      docs,
      scoreStep: SCORE_STEP,
      termShards,
      pairShards,
      typoShards,
      docChunk: DOC_CHUNK,
      sources: order.sources,
      unsourced: order.unsourced,
    },
    boundaries,
    out.put,
  )

  const { bytes, byKind } = out.sizes()
  return {
    files: out.files,
    stats: {
      files: out.files.size,
      bytes,
      terms: terms.length,
      pairs: distinctPairs,
      seconds: (performance.now() - started) / 1000,
      byKind,
    },
  }
}

/** Term ids in the order of their terms (code unit order, as the engine compares them). */
function sortedTermIds(terms: readonly string[]): number[] {
  return Array.from({ length: terms.length }, (_, t) => t).sort((a, b) => {
    const x = terms[a] ?? ''
    const y = terms[b] ?? ''
    return x < y ? -1 : x > y ? 1 : 0
  })
}

export const emitSearchIndex: ExtraEmitter = (articles, write) => {
  const { files } = buildSearchIndex(articles)
  for (const [path, content] of files) write(path, content)
}
