// @vitest-environment node
/**
 * Property tests of the search engine, with fast-check: arbitraries make small corpora (titles and
 * paragraphs of syllable words from many scripts, odd punctuation, dates and sources or none) and
 * queries (words, typos, prefixes, quotes, odd characters, a huge word), and every answer must be
 * well formed. A failure is shrunk to a small corpus and query, and fast-check prints the seed and
 * path that replay it:
 *
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run src/lib/search/search-engine.fuzz.test.ts -t '<test>'
 *
 * FC_SEED alone runs the properties on other inputs; FC_RUNS multiplies the number of runs.
 */
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { memorySite } from '../../../scripts/site/search-index/memory-site.ts'
import type { SearchIndexOptions } from '../../../scripts/site/search-index/emit-search-index.ts'
import { parseArticle } from '../corpus/parse-article.ts'
import type { Article } from '../corpus/types.ts'
import { seededRandom } from '../seeded-random.ts'
import { createSearchEngine, type SearchOptions, type SearchResult } from './search-engine.ts'

const SEED = Number(process.env.FC_SEED ?? 0x5ea2c4)
const PATH = process.env.FC_PATH
const RUNS = Number(process.env.FC_RUNS ?? 1)
/** Corpora per shard layout; each is searched with a few queries. */
const CORPORA = 40

/** Runs a property with the seed (and path, to replay a shrunk failure) of the environment. */
async function check<Ts>(property: fc.IAsyncProperty<Ts>, numRuns: number): Promise<void> {
  await fc.assert(property, {
    seed: SEED,
    numRuns: Math.max(1, Math.round(numRuns * RUNS)),
    ...(PATH === undefined ? {} : { path: PATH }),
  })
}

// ---- Corpora ----

const SYLLABLES = ['ka', 'ro', 'mi', 'zə', 'ğu', 'lé', 'ßa', 'to', 'ne', 'vi', 'שׁ', '東', 'qu', 'x']
const ODD = [
  '"',
  '“',
  '”',
  "'",
  '’',
  '<',
  '>',
  '&',
  '%',
  '😀',
  '—',
  '-',
  '.',
  ',',
  '\u0301',
  '\u200b',
  ' ',
]
/**
 * The words of every corpus and query: a fixed vocabulary of one to four syllables, so that
 * queries meet the articles, and their typos meet words the index has.
 */
const VOCABULARY = (() => {
  const rng = seededRandom(0x5ea2c4)
  const word = () => Array.from({ length: 1 + rng.int(4) }, () => rng.pick(SYLLABLES)).join('')
  return [...new Set(Array.from({ length: 60 }, word))]
})()
const SOURCES = ['Alpha', 'Beta', 'Gamma Desk', 'Δelta']

const vocabularyWord = fc.constantFrom(...VOCABULARY)
/** A word, one in ten stuck to an odd character before it. */
const textWord = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.constant(''), weight: 9 },
      { arbitrary: fc.constantFrom(...ODD), weight: 1 },
    ),
    vocabularyWord,
  )
  .map(([odd, word]) => odd + word)
const sentence = (minLength: number, maxLength: number) =>
  fc.array(textWord, { minLength, maxLength }).map((words) => words.join(' '))

const articleText = fc
  .record({
    title: sentence(2, 9),
    date: fc.option(
      fc.tuple(
        fc.integer({ min: 10, max: 24 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 0, max: 8 }),
      ),
      { freq: 5 },
    ),
    source: fc.option(fc.constantFrom(...SOURCES), { freq: 5 }),
    body: fc.array(sentence(5, 64), { minLength: 1, maxLength: 4 }),
  })
  .map(({ title, date, source, body }) =>
    [
      '---',
      `title: ${JSON.stringify(title)}`,
      ...(date ? [`date: 20${date[0]}-0${date[1]}-1${date[2]}`] : []),
      ...(source ? [`source: ${source}`] : []),
      '---',
      body.map((paragraph) => `${paragraph}.`).join('\n\n'),
      '',
    ].join('\n'),
  )

function parseCorpus(texts: readonly string[]): Article[] {
  return texts.map((text, i) => {
    const id = (0xfa22 + i).toString(16).padStart(16, '0')
    const { article } = parseArticle(`${i}_${id}.txt`, new TextEncoder().encode(text))
    if (!article) throw new Error(`fuzz article ${i} did not parse:\n${text}`)
    return article
  })
}

const corpus = fc.array(articleText, { minLength: 3, maxLength: 40 })

// ---- Queries ----

/** A typo of a vocabulary word: a syllable in place of one of its characters, or added at its end. */
const typo = fc
  .tuple(vocabularyWord, fc.nat(), fc.constantFrom(...SYLLABLES))
  .map(([word, at, syllable]) => {
    const i = at % (word.length + 1)
    return word.slice(0, i) + syllable + word.slice(i + 1)
  })
const queryPart = fc.oneof(
  { arbitrary: vocabularyWord, weight: 59 },
  { arbitrary: fc.constantFrom(...ODD), weight: 20 },
  { arbitrary: typo, weight: 20 },
  {
    arbitrary: fc
      .tuple(vocabularyWord, fc.integer({ min: 1, max: 3 }))
      .map(([word, n]) => word.slice(0, n)),
    weight: 20,
  },
  { arbitrary: fc.constant('z'.repeat(5_000)), weight: 1 },
)
const query = fc
  .tuple(fc.array(queryPart, { maxLength: 5 }), fc.constantFrom(' ', '', '"', ' "', '  '))
  .map(([parts, separator]) => parts.join(separator))

const options: fc.Arbitrary<SearchOptions> = fc.record({
  source: fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: fc.constantFrom('alpha', 'beta', 'gamma-desk', 'delta', 'nope'), weight: 1 },
  ),
  sort: fc.oneof(
    { arbitrary: fc.constant('relevance' as const), weight: 7 },
    { arbitrary: fc.constant('newest' as const), weight: 3 },
  ),
  limit: fc.nat({ max: 24 }),
  correct: fc.oneof(
    { arbitrary: fc.constant(true), weight: 9 },
    { arbitrary: fc.constant(false), weight: 1 },
  ),
})

const searches = fc.array(fc.record({ query, options }), { minLength: 1, maxLength: 10 })

// ---- Properties ----

function checkResult(result: SearchResult, options: SearchOptions) {
  expect(result.total).toBeGreaterThanOrEqual(result.hits.length)
  expect(result.hits.length).toBeLessThanOrEqual(options.limit)
  if (options.source === null) {
    expect(result.sources.reduce((sum, s) => sum + s.count, 0)).toBeLessThanOrEqual(result.total)
  }
  for (const hit of result.hits) {
    if (options.source !== null) expect(hit.sourceSlug).toBe(options.source)
    for (const [s, e] of hit.titleHighlights) {
      expect(0 <= s && s < e && e <= hit.title.length).toBe(true)
    }
    for (const [s, e] of hit.excerptHighlights) {
      expect(0 <= s && s < e && e <= hit.excerpt.length).toBe(true)
    }
  }
}

const LAYOUTS: Array<[name: string, shards: SearchIndexOptions]> = [
  ['default shards', {}],
  ['small shards', { termShardBytes: 300, pairShardBytes: 300, typoShardBytes: 300 }],
]

it.each(LAYOUTS)(
  'answers random queries over a random corpus (%s) without throwing, in bounded time',
  async (_, shards) => {
    let asked = 0
    let answered = 0
    let corrected = 0
    await check(
      fc.asyncProperty(corpus, searches, async (texts, asks) => {
        const engine = createSearchEngine(memorySite(parseCorpus(texts), shards).load)
        for (const { query: q, options: o } of asks) {
          const started = performance.now()
          const result = await engine.search(q, o)
          expect(performance.now() - started, q).toBeLessThan(1_000)
          expect(result.query).toBe(q)
          checkResult(result, o)
          asked++
          if (result.total > 0) answered++
          if (result.correctedQuery !== null) corrected++
        }
      }),
      CORPORA,
    )
    // The random queries do reach results and corrections, not just empty answers (a replay of
    // one shrunk case need not).
    if (PATH === undefined) {
      expect(answered).toBeGreaterThan(asked / 5)
      expect(corrected).toBeGreaterThan(0)
    }
  },
  60_000,
)
