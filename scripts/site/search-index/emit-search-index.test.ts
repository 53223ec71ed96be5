// @vitest-environment node
import { inflateSync } from 'node:zlib'
import { expect, it } from 'vitest'
import { parseArticle } from '../../../src/lib/corpus/parse-article.ts'
import type { Article } from '../../../src/lib/corpus/types.ts'
import {
  BM25,
  hashString,
  idf,
  pairFingerprint,
  pairShardKey,
  searchPaths,
  typoGroupKeys,
} from '../../../src/lib/search/index-format.ts'
import {
  PairShard,
  TermShard,
  readDocChunk,
  readLongMeta,
  readRanks,
  readRoot,
  readTypoShard,
  termShardOf,
} from '../../../src/lib/search/index-reader.ts'
import { compareArticles } from '../corpus/emit-corpus.ts'
import { LONG_ARTICLE_CHARS, buildSearchIndex, emitSearchIndex } from './emit-search-index.ts'

function article(n: number, front: string[], body: string): Article {
  const id = (0xf00 + n).toString(16).padStart(16, '0')
  const text = ['---', ...front, '---', body, ''].join('\n')
  const { article: parsed, diagnostics } = parseArticle(
    `${n}_${id}.txt`,
    new TextEncoder().encode(text),
  )
  if (!parsed) throw new Error(JSON.stringify(diagnostics))
  return parsed
}

/** Three articles small enough to score by hand. */
function tiny(): Article[] {
  return [
    article(1, ['title: Fox and bird', 'date: 2020-01-01'], 'Fox meets bird.'),
    article(2, ['title: Red fox', 'date: 2020-01-03', 'source: Alpha'], 'The red fox runs.'),
    article(
      3,
      ['title: Blue bird', 'date: 2020-01-02', 'source: Beta'],
      'A blue bird sings. The bird flies.',
    ),
  ].sort(compareArticles)
}

function build(articles: Article[], options = {}) {
  const { files } = buildSearchIndex(articles, options)
  const read = (path: string): Uint8Array => {
    const content = files.get(path)
    if (!content) throw new Error(`${path} was not written`)
    return new Uint8Array(inflateSync(content))
  }
  const root = readRoot(read(searchPaths.root()))
  const term = (t: string) => {
    const shard = new TermShard(read(searchPaths.termShard(termShardOf(root, t))))
    const i = shard.indexOf(t)
    return i < 0 ? null : { df: shard.df[i], ...shard.postings(i) }
  }
  const pair = (left: string, right: string) => {
    const [l0, l1] = hashString(left)
    const [r0, r1] = hashString(right)
    const shard = new PairShard(
      read(searchPaths.pairShard((pairShardKey(l0, r0) >>> 0) % root.pairShards)),
    )
    return shard.lookup(pairFingerprint(l1, r1))
  }
  return { files, read, root, term, pair }
}

/** BM25 of one field, written out. */
const field = (tf: number, length: number, average: number, b: number) =>
  tf === 0 ? 0 : tf / (tf + BM25.k1 * (1 - b + (b * length) / average))

it('numbers documents source by source, newest first, and keeps the newest-first ranks', () => {
  const { root, read } = build(tiny())
  expect(root.docs).toBe(3)
  expect(root.sources).toEqual([
    { name: 'Alpha', slug: 'alpha', start: 0, count: 1 },
    { name: 'Beta', slug: 'beta', start: 1, count: 1 },
  ])
  expect(root.unsourced).toEqual({ start: 2, count: 1 })
  const chunk = readDocChunk(read(searchPaths.docChunk(0)), 3)
  expect(chunk.ids).toEqual(['0000000000000f02', '0000000000000f03', '0000000000000f01'])
  expect(Array.from(readRanks(read(searchPaths.ranks()), root))).toEqual([0, 1, 2])
})

it('stores BM25 scores per term and document, title and body weighted, to the quantum', () => {
  const { root, term } = build(tiny())
  // Titles: "red fox" (2 words), "blue bird" (2), "fox and bird" (3); bodies of 4, 7 and 3 words.
  const avgTitle = 7 / 3
  const avgBody = 14 / 3
  const fox = term('fox')
  expect(fox?.df).toBe(2)
  expect(Array.from(fox?.docs ?? [])).toEqual([0, 2])
  const foxIdf = idf(3, 2)
  expect(foxIdf).toBeCloseTo(Math.log(1 + 1.5 / 2.5), 10)
  const expected = [
    foxIdf *
      (BM25.titleWeight * field(1, 2, avgTitle, BM25.titleB) + field(1, 4, avgBody, BM25.bodyB)),
    foxIdf *
      (BM25.titleWeight * field(1, 3, avgTitle, BM25.titleB) + field(1, 3, avgBody, BM25.bodyB)),
  ]
  expected.forEach((score, i) => {
    expect(Math.abs((fox?.scores[i] ?? 0) * root.scoreStep - score)).toBeLessThanOrEqual(
      root.scoreStep / 2,
    )
  })
  expect(Array.from(fox?.inTitle ?? [])).toEqual([1, 1])

  // "bird" twice in the body of the Beta article: more than once counts, with saturation.
  const bird = term('bird')
  expect(Array.from(bird?.docs ?? [])).toEqual([1, 2])
  const birdIdf = idf(3, 2)
  const beta =
    birdIdf *
    (BM25.titleWeight * field(1, 2, avgTitle, BM25.titleB) + field(2, 7, avgBody, BM25.bodyB))
  expect(Math.abs((bird?.scores[0] ?? 0) * root.scoreStep - beta)).toBeLessThanOrEqual(
    root.scoreStep / 2,
  )
  // Body only: not in the title.
  const runs = term('runs')
  expect(Array.from(runs?.inTitle ?? [])).toEqual([0])
  expect(term('wolf')).toBeNull()
})

it('reads back every term and pair, whatever the shard sizes', () => {
  const articles = tiny()
  for (const options of [{}, { termShardBytes: 8, pairShardBytes: 8, typoShardBytes: 8 }]) {
    const { root, term, pair } = build(articles, options)
    for (const t of [
      'a',
      'and',
      'bird',
      'blue',
      'flies',
      'fox',
      'meets',
      'red',
      'runs',
      'sings',
      'the',
    ]) {
      expect(term(t), t).not.toBeNull()
    }
    expect(term('aardvark')).toBeNull()
    expect(term('zzz')).toBeNull()
    expect(Array.from(pair('red', 'fox')?.docs ?? [])).toEqual([0])
    expect(Array.from(pair('blue', 'bird')?.docs ?? [])).toEqual([1])
    expect(Array.from(pair('fox', 'meets')?.docs ?? [])).toEqual([2])
    // Pairs stop at the end of the title and of each paragraph; order matters.
    expect(pair('fox', 'red')).toBeNull()
    expect(pair('fox', 'the')).toBeNull()
    if (options !== undefined && 'termShardBytes' in options)
      expect(root.termShards).toBeGreaterThan(3)
  }
})

it('groups vocabulary words by their first and last letters for typo lookups', () => {
  const articles = [
    article(
      1,
      ['title: Magnitogorsk building collapses'],
      'An apartment building collapsed in Magnitogorsk.',
    ),
  ]
  const { root, read } = build(articles)
  const lookup = (word: string) =>
    typoGroupKeys(word).flatMap((key) => {
      const shard = readTypoShard(
        read(searchPaths.typoShard((hashString(key)[0] >>> 0) % root.typoShards)),
      )
      return (shard.get(key) ?? []).map((e) => e.term)
    })
  // A typo in the middle keeps both ends; at the start, the end; at the end, the start.
  expect(lookup('magnitogrsk')).toContain('magnitogorsk')
  expect(lookup('nagnitogorsk')).toContain('magnitogorsk')
  expect(lookup('magnitogorsc')).toContain('magnitogorsk')
  expect(lookup('bilding')).toContain('building')
  // Words with digits and short words are left out.
  expect(lookup('an')).toEqual([])
})

it('keeps the list fields of long articles apart, so their large files are not loaded', () => {
  const long = 'A very long paragraph about the harbour. '.repeat(
    Math.ceil(LONG_ARTICLE_CHARS / 40),
  )
  const articles = [
    article(1, ['title: Short one', 'date: 2020-01-02'], 'Just a few words.'),
    article(2, ['title: Long one', 'date: 2020-01-01'], long),
  ].sort(compareArticles)
  const { read } = build(articles)
  const chunk = readDocChunk(read(searchPaths.docChunk(0)), 2)
  expect(chunk.long).toEqual([1])
  const [meta] = readLongMeta(read(searchPaths.longMeta(0)))
  expect(meta?.title).toBe('Long one')
  expect(meta?.excerpt.length).toBeLessThan(300)
})

it('writes every file under search/ through the corpus emitter', () => {
  const written = new Map<string, string | Uint8Array>()
  emitSearchIndex(tiny(), (path, content) => written.set(path, content))
  expect(written.has(searchPaths.root())).toBe(true)
  for (const [path, content] of written) {
    expect(path).toMatch(/^search\/([tbfdm]\/\d+|root|ranks)\.bin$/)
    expect(content).toBeInstanceOf(Uint8Array)
  }
})

it('builds an index for an empty corpus', () => {
  const { root, term } = build([])
  expect(root.docs).toBe(0)
  expect(term('anything')).toBeNull()
})
