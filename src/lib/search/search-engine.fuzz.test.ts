// @vitest-environment node
import { expect, it } from 'vitest'
import { memorySite } from '../../../scripts/site/search-index/memory-site.ts'
import { parseArticle } from '../corpus/parse-article.ts'
import type { Article } from '../corpus/types.ts'
import { createSearchEngine, type SearchOptions, type SearchResult } from './search-engine.ts'
import { seededRandom } from '@/lib/seeded-random'

const SEED = 0x5ea2c4
const ARTICLES = 120
const QUERIES = 400

const random = seededRandom

const rng = random(SEED)
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
const word = () => Array.from({ length: 1 + rng.int(4) }, () => rng.pick(SYLLABLES)).join('')
const vocabulary = Array.from({ length: 300 }, word)
const sentence = (n: number) =>
  Array.from(
    { length: n },
    () => (rng.chance(0.1) ? rng.pick(ODD) : '') + rng.pick(vocabulary),
  ).join(' ')

function corpus(): Article[] {
  return Array.from({ length: ARTICLES }, (_, i) => {
    const id = (0xfa22 + i).toString(16).padStart(16, '0')
    const front = [
      '---',
      `title: ${JSON.stringify(sentence(2 + rng.int(8)))}`,
      ...(rng.chance(0.8) ? [`date: 20${10 + rng.int(15)}-0${1 + rng.int(9)}-1${rng.int(9)}`] : []),
      ...(rng.chance(0.8) ? [`source: ${rng.pick(['Alpha', 'Beta', 'Gamma Desk', 'Δelta'])}`] : []),
      '---',
    ]
    const body = Array.from({ length: 1 + rng.int(4) }, () => `${sentence(5 + rng.int(60))}.`)
    const text = [...front, body.join('\n\n'), ''].join('\n')
    const { article } = parseArticle(`${i}_${id}.txt`, new TextEncoder().encode(text))
    if (!article) throw new Error(`fuzz article ${i} did not parse`)
    return article
  })
}

function query(): string {
  const parts = Array.from({ length: rng.int(6) }, () => {
    const roll = rng.int(6)
    if (roll === 0) return rng.pick(ODD)
    if (roll === 1) {
      // A typo of a corpus word.
      const w = rng.pick(vocabulary)
      const at = rng.int(w.length + 1)
      return w.slice(0, at) + rng.pick(SYLLABLES) + w.slice(at + 1)
    }
    if (roll === 2) return rng.pick(vocabulary).slice(0, 1 + rng.int(3))
    if (roll === 3 && rng.chance(0.05)) return 'z'.repeat(5_000)
    return rng.pick(vocabulary)
  })
  return parts.join(rng.pick([' ', '', '"', ' "', '  ']))
}

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

it('answers random queries over a random corpus without throwing, in bounded time', async () => {
  for (const shards of [{}, { termShardBytes: 300, pairShardBytes: 300, typoShardBytes: 300 }]) {
    const site = memorySite(corpus(), shards)
    const engine = createSearchEngine(site.load)
    let answered = 0
    let corrected = 0
    for (let i = 0; i < QUERIES; i++) {
      const q = query()
      const options: SearchOptions = {
        source: rng.chance(0.2) ? rng.pick(['alpha', 'beta', 'gamma-desk', 'delta', 'nope']) : null,
        sort: rng.chance(0.3) ? 'newest' : 'relevance',
        limit: rng.int(25),
        correct: rng.chance(0.9),
      }
      const started = performance.now()
      const result = await engine.search(q, options)
      expect(performance.now() - started, q).toBeLessThan(1_000)
      expect(result.query).toBe(q)
      checkResult(result, options)
      if (result.total > 0) answered++
      if (result.correctedQuery !== null) corrected++
    }
    // The random queries do reach results and corrections, not just empty answers.
    expect(answered).toBeGreaterThan(QUERIES / 5)
    expect(corrected).toBeGreaterThan(0)
  }
}, 60_000)
