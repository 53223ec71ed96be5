/**
 * The index as the engine reads it (file layouts in index-format.ts): each file loaded on first use
 * and kept, decoded, for the engine's lifetime (file-cache.ts), and the lookups over them: a
 * term's postings, a prefix's completions, a word pair's documents, a typo group's words, and a
 * document's fields and text.
 */
import { dataPaths } from '../corpus/compiled.ts'
import {
  IndexFormatError,
  hashString,
  pairFingerprint,
  pairShardKey,
  searchPaths,
} from './index-format.ts'
import {
  PairShard,
  TermShard,
  isArticleText,
  readDocChunk,
  readLongMeta,
  readRanks,
  readRoot,
  readTypoShard,
  termShardOf,
  type ArticleText,
  type DocChunk,
  type DocMeta,
  type Postings,
  type Root,
  type TypoEntry,
} from './index-reader.ts'
import { FileCache, bytesLoader, type LoadFile } from './file-cache.ts'

/** Completions of the last word searched besides the word itself, the most frequent first. */
const PREFIX_EXPANSIONS = 8
/** Term shards read to complete a short prefix, at most. */
const PREFIX_SHARDS = 3
/** Article files kept in memory, at most; and shards of each kind. */
const ARTICLE_CACHE = 300
const SHARD_CACHE = 400

/** The root, with the approximate recency of each document (0 newest, 1 oldest in its source). */
export type LoadedRoot = Root & { recency: Float32Array }

/** A term found in the corpus. */
export type TermHit = { df: number; postings: Postings }

/** A document's list fields, and its paragraphs unless it is a long one (then only its lead). */
export type LoadedDoc = { meta: DocMeta; paragraphs: readonly string[] | null }

export class IndexStore {
  private readonly roots: FileCache<LoadedRoot>
  private readonly termShards: FileCache<TermShard>
  private readonly pairShards: FileCache<PairShard>
  private readonly typoShards: FileCache<Map<string, TypoEntry[]>>
  private readonly docChunks: FileCache<DocChunk>
  private readonly longMetas: FileCache<DocMeta[]>
  private readonly rankFiles: FileCache<Int32Array>
  private readonly articles: FileCache<ArticleText>

  constructor(load: LoadFile) {
    const loadBytes = bytesLoader(load)
    this.roots = new FileCache(async (path) => {
      const root = readRoot(await loadBytes(path))
      // Approximate recency of each document (0 newest, 1 oldest within its source), to order ties.
      const recency = new Float32Array(root.docs)
      for (const range of [...root.sources, root.unsourced]) {
        for (let i = 0; i < range.count; i++) recency[range.start + i] = (i + 0.5) / range.count
      }
      return { ...root, recency }
    })
    this.termShards = new FileCache(
      async (path) => new TermShard(await loadBytes(path)),
      SHARD_CACHE,
    )
    this.pairShards = new FileCache(
      async (path) => new PairShard(await loadBytes(path)),
      SHARD_CACHE,
    )
    this.typoShards = new FileCache(
      async (path) => readTypoShard(await loadBytes(path)),
      SHARD_CACHE,
    )
    this.docChunks = new FileCache(async (path): Promise<DocChunk> => {
      const root = await this.root()
      const n = Number(/(\d+)\.bin$/.exec(path)?.[1] ?? 0)
      const count = Math.min(root.docChunk, root.docs - n * root.docChunk)
      return readDocChunk(await loadBytes(path), count)
    })
    this.longMetas = new FileCache(async (path) => readLongMeta(await loadBytes(path)))
    this.rankFiles = new FileCache(async (path) => {
      const root = await this.root()
      return readRanks(await loadBytes(path), root)
    })
    this.articles = new FileCache(async (path): Promise<ArticleText> => {
      const value = await load(path)
      if (!isArticleText(value)) throw new IndexFormatError(`${path}: not an article`)
      return value
    }, ARTICLE_CACHE)
  }

  /** The root, which every search reads first. */
  root(): Promise<LoadedRoot> {
    return this.roots.get(searchPaths.root())
  }

  /** The postings of a term, or null when the corpus does not have it. */
  async lookupTerm(root: LoadedRoot, term: string): Promise<TermHit | null> {
    const shard = await this.termShards.get(searchPaths.termShard(termShardOf(root, term)))
    const i = shard.indexOf(term)
    return i < 0 ? null : { df: shard.df[i] ?? 0, postings: shard.postings(i) }
  }

  /** The most frequent words that start with `prefix` (the word itself excluded). */
  async completions(
    root: LoadedRoot,
    prefix: string,
  ): Promise<Array<{ term: string; postings: Postings }>> {
    const first = termShardOf(root, prefix)
    const last = Math.min(termShardOf(root, `${prefix}\uffff`), first + PREFIX_SHARDS - 1)
    const shards = await Promise.all(
      Array.from({ length: last - first + 1 }, (_, k) =>
        this.termShards.get(searchPaths.termShard(first + k)),
      ),
    )
    const found: Array<{ shard: TermShard; i: number; df: number }> = []
    for (const shard of shards) {
      for (const i of shard.withPrefix(prefix)) {
        if (shard.terms[i] !== prefix) found.push({ shard, i, df: shard.df[i] ?? 0 })
      }
    }
    found.sort((a, b) => b.df - a.df)
    return found.slice(0, PREFIX_EXPANSIONS).map(({ shard, i }) => ({
      term: shard.terms[i] ?? '',
      postings: shard.postings(i),
    }))
  }

  /** The documents where `left` stands right before `right`, with their count; or null. */
  async lookupPair(
    root: LoadedRoot,
    left: string,
    right: string,
  ): Promise<{ df: number; docs: Int32Array } | null> {
    const [l0, l1] = hashString(left)
    const [r0, r1] = hashString(right)
    const shard = (pairShardKey(l0, r0) >>> 0) % Math.max(1, root.pairShards)
    const pairs = await this.pairShards.get(searchPaths.pairShard(shard))
    return pairs.lookup(pairFingerprint(l1, r1))
  }

  /** The vocabulary words of a typo group (typoGroupKeys), with their document frequencies. */
  async typoGroup(root: LoadedRoot, key: string): Promise<TypoEntry[]> {
    const shard = (hashString(key)[0] >>> 0) % root.typoShards
    return (await this.typoShards.get(searchPaths.typoShard(shard))).get(key) ?? []
  }

  /** A document's list fields, and its paragraphs unless it is a long one (then only its lead). */
  async loadDoc(root: LoadedRoot, doc: number): Promise<LoadedDoc> {
    const chunk = await this.docChunks.get(searchPaths.docChunk(Math.floor(doc / root.docChunk)))
    const local = doc % root.docChunk
    const id = chunk.ids[local]
    if (id === undefined) throw new IndexFormatError(`document ${doc} is not in its chunk`)
    const longIndex = chunk.long.indexOf(local)
    if (longIndex >= 0) {
      const chunkNumber = Math.floor(doc / root.docChunk)
      const meta = (await this.longMetas.get(searchPaths.longMeta(chunkNumber)))[longIndex]
      if (!meta) throw new IndexFormatError(`document ${doc} has no list fields`)
      return { meta, paragraphs: null }
    }
    const article = await this.articles.get(dataPaths.article(id))
    return { meta: article, paragraphs: article.paragraphs }
  }

  /** Each document's place in the newest-first order. */
  ranks(): Promise<Int32Array> {
    return this.rankFiles.get(searchPaths.ranks())
  }
}
