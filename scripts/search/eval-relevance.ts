/**
 * Relevance, size and speed of the search engine in Node, without a browser:
 *
 *   tsx scripts/search/eval-relevance.ts --corpus DIR [--queries FILE] [--generate N] [--seed S]
 *     [--limit 10] [--cold N] [--compare-minisearch]
 *
 * Compiles the corpus in memory exactly as the build does (emitCorpus with the search index), runs
 * each known-item query ({ q, id, kind }) through createSearchEngine with a `load` that reads the
 * compiled files, and prints success@1, MRR@10 and recall@10 per kind; the bytes a cold engine
 * loads before its first answer (a fresh engine per query: median and max, raw bytes as stored;
 * the index files are deflated already, the article JSON is also given gzipped); and the time of
 * warm queries (everything loaded). Without --queries it makes N queries of each kind from the
 * corpus (see makeQueries). --compare-minisearch runs MiniSearch (fuzzy 0.2, prefix, title boost 2)
 * on the same queries.
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import MiniSearch from 'minisearch'
import type { Article } from '../../src/lib/corpus/types.ts'
import { createSearchEngine } from '../../src/features/search/engine/search-engine.ts'
import { terms as termsOf } from '../../src/features/search/engine/normalize.ts'
import { emitCorpus, memoryEmitter, type ExtraEmitter } from '../corpus/emit-corpus.ts'
import { readCorpus } from '../corpus/read-corpus.ts'
import { buildSearchIndex } from './emit-search-index.ts'

export type KnownItemQuery = { q: string; id: string; kind: string }

const isQuery = (v: unknown): v is KnownItemQuery =>
  typeof v === 'object' &&
  v !== null &&
  'q' in v &&
  typeof v.q === 'string' &&
  'id' in v &&
  typeof v.id === 'string' &&
  'kind' in v &&
  typeof v.kind === 'string'

/** mulberry32. */
function rng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Function words the query maker skips (the engine itself has no stop list). */
const FUNCTION_WORDS = new Set(
  'the a an and or of to in on at by for with from as is was were are be been has have had it its this that these those which who not but he she they we you his her their our s t'.split(
    ' ',
  ),
)

const usable = (t: string) => t.length >= 3 && !/\d/.test(t) && !FUNCTION_WORDS.has(t)

/**
 * Known-item queries like the development set's: `title` (3 words of a title no other title has
 * together), `body` (3 consecutive body words found side by side in no other article) and `typo`
 * (a title query with one word of 6+ letters altered by one keystroke).
 */
export function makeQueries(articles: readonly Article[], perKind: number, seed: number) {
  const random = rng(seed)
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]
  const titleTerms = articles.map((a) => new Set(termsOf(a.title).filter(usable)))
  const titleDocs = new Map<string, number[]>()
  titleTerms.forEach((set, d) => {
    for (const t of set) titleDocs.set(t, [...(titleDocs.get(t) ?? []), d])
  })
  const uniqueTitleTriple = (d: number): string[] | null => {
    const words = [...(titleTerms[d] ?? [])]
    if (words.length < 3) return null
    for (let attempt = 0; attempt < 30; attempt++) {
      const chosen = new Set<string>()
      while (chosen.size < 3) chosen.add(pick(words) ?? '')
      const [a, b, c] = [...chosen]
      const others = (titleDocs.get(a ?? '') ?? []).filter(
        (o) => o !== d && titleTerms[o]?.has(b ?? '') && titleTerms[o]?.has(c ?? ''),
      )
      if (others.length === 0) return [...chosen]
    }
    return null
  }
  const out: KnownItemQuery[] = []
  const tried = new Set<number>()
  const nextDoc = () => {
    for (let i = 0; i < 1000; i++) {
      const d = Math.floor(random() * articles.length)
      if (!tried.has(d)) {
        tried.add(d)
        return d
      }
    }
    return -1
  }
  for (const kind of ['title', 'typo'] as const) {
    let made = 0
    for (let guard = 0; made < perKind && guard < perKind * 20; guard++) {
      const d = nextDoc()
      const triple = d < 0 ? null : uniqueTitleTriple(d)
      const article = articles[d]
      if (!triple || !article) continue
      if (kind === 'typo') {
        const long = triple.filter((t) => t.length >= 6 && /^[a-z]+$/.test(t))
        const word = pick(long)
        if (!word) continue
        const at = Math.floor(random() * word.length)
        const letter = 'abcdefghijklmnopqrstuvwxyz'.charAt(Math.floor(random() * 26))
        const op = Math.floor(random() * 4)
        let typo =
          op === 0
            ? word.slice(0, at) + letter + word.slice(at + 1)
            : op === 1
              ? word.slice(0, at) + word.slice(at + 1)
              : op === 2
                ? word.slice(0, at) + letter + word.slice(at)
                : word.slice(0, at) + word.charAt(at + 1) + word.charAt(at) + word.slice(at + 2)
        if (typo === word) typo = word.slice(1)
        triple[triple.indexOf(word)] = typo
      }
      out.push({ q: triple.join(' '), id: article.id, kind })
      made++
    }
  }
  // Body phrases: candidates first, then one pass over the corpus to keep the unique ones.
  const candidates: Array<{ d: number; phrase: string }> = []
  for (let guard = 0; candidates.length < perKind * 3 && guard < perKind * 30; guard++) {
    const d = nextDoc()
    const article = articles[d]
    if (!article) continue
    const paragraph = pick(article.paragraphs)
    const words = termsOf(paragraph ?? '')
    for (let attempt = 0; attempt < 10; attempt++) {
      const at = Math.floor(random() * Math.max(0, words.length - 2))
      const three = words.slice(at, at + 3)
      if (three.length === 3 && three.every(usable)) {
        candidates.push({ d, phrase: three.join(' ') })
        break
      }
    }
  }
  const seen = new Map<string, number>()
  const wanted = new Set(candidates.map((c) => c.phrase))
  articles.forEach((a) => {
    const found = new Set<string>()
    for (const p of [a.title, ...a.paragraphs]) {
      const words = termsOf(p)
      for (let i = 0; i + 2 < words.length; i++) {
        const phrase = `${words[i]} ${words[i + 1]} ${words[i + 2]}`
        if (wanted.has(phrase)) found.add(phrase)
      }
    }
    for (const phrase of found) seen.set(phrase, (seen.get(phrase) ?? 0) + 1)
  })
  let bodies = 0
  for (const c of candidates) {
    const article = articles[c.d]
    if (bodies >= perKind || !article || seen.get(c.phrase) !== 1) continue
    out.push({ q: c.phrase, id: article.id, kind: 'body' })
    bodies++
  }
  return out
}

type Metrics = { n: number; success: number; rr: number; recall: number }

function score(metrics: Map<string, Metrics>, kind: string, rank: number) {
  for (const k of [kind, 'all']) {
    const m = metrics.get(k) ?? { n: 0, success: 0, rr: 0, recall: 0 }
    m.n++
    if (rank === 0) m.success++
    if (rank >= 0 && rank < 10) {
      m.rr += 1 / (rank + 1)
      m.recall++
    }
    metrics.set(k, m)
  }
}

function table(name: string, metrics: Map<string, Metrics>): string {
  const kinds = [...metrics.keys()].sort((a, b) =>
    a === 'all' ? 1 : b === 'all' ? -1 : a < b ? -1 : 1,
  )
  const rows = kinds.map((k) => {
    const m = metrics.get(k) ?? { n: 1, success: 0, rr: 0, recall: 0 }
    return `| ${name} | ${k} | ${m.n} | ${(m.success / m.n).toFixed(2)} | ${(m.rr / m.n).toFixed(2)} | ${(m.recall / m.n).toFixed(2)} |`
  })
  return rows.join('\n')
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

async function main() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      queries: { type: 'string' },
      generate: { type: 'string', default: '50' },
      seed: { type: 'string', default: '7' },
      limit: { type: 'string', default: '10' },
      cold: { type: 'string' },
      'compare-minisearch': { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  })
  if (!values.corpus) throw new Error('--corpus DIR is required')
  const limit = Number(values.limit)
  let t = performance.now()
  const { articles } = readCorpus(values.corpus)
  console.log(
    `read ${articles.length} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  )

  const files = new Map<string, string | Uint8Array>()
  const built: { stats: ReturnType<typeof buildSearchIndex>['stats'] | null } = { stats: null }
  const searchIndex: ExtraEmitter = (sorted, write) => {
    const index = buildSearchIndex(sorted)
    built.stats = index.stats
    for (const [path, content] of index.files) write(path, content)
  }
  t = performance.now()
  emitCorpus(articles, memoryEmitter(files), undefined, [searchIndex])
  const stats = built.stats
  if (!stats) throw new Error('the search index was not built')
  console.log(
    `compiled in ${((performance.now() - t) / 1000).toFixed(1)} s; search index: built in ${stats.seconds.toFixed(1)} s, ${stats.files} files, ${(stats.bytes / 1e6).toFixed(2)} MB, ${stats.terms} terms, ${stats.pairs} word pairs`,
  )
  for (const [kind, k] of Object.entries(stats.byKind)) {
    console.log(`  ${kind}: ${k.files} files, ${(k.bytes / 1e3).toFixed(0)} kB`)
  }

  const queries: KnownItemQuery[] = values.queries
    ? (() => {
        const parsed: unknown = JSON.parse(readFileSync(values.queries, 'utf8'))
        if (!Array.isArray(parsed) || !parsed.every(isQuery)) throw new Error('bad queries file')
        return parsed
      })()
    : makeQueries(articles, Number(values.generate), Number(values.seed))
  console.log(`${queries.length} queries`)

  const gzipSizes = new Map<string, number>()
  type Counter = { raw: number; gzip: number; files: number; byKind?: Map<string, number> }
  const makeLoad = (counter: Counter) => {
    return async (path: string): Promise<Uint8Array | unknown> => {
      const content = files.get(path)
      if (content === undefined) throw new Error(`404 ${path}`)
      counter.files++
      const kind = path.startsWith('search/') ? (path.split('/')[1] ?? '') : 'article'
      const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length
      counter.byKind?.set(kind, (counter.byKind.get(kind) ?? 0) + size)
      if (typeof content === 'string') {
        counter.raw += Buffer.byteLength(content)
        let gz = gzipSizes.get(path)
        if (gz === undefined) {
          gz = gzipSync(content).length
          gzipSizes.set(path, gz)
        }
        counter.gzip += gz
        return path.endsWith('.json') ? JSON.parse(content) : new TextEncoder().encode(content)
      }
      counter.raw += content.length
      counter.gzip += content.length
      return content
    }
  }

  const options = { source: null, sort: 'relevance' as const, limit }
  const metrics = new Map<string, Metrics>()
  const warmCounter = { raw: 0, gzip: 0, files: 0 }
  const engine = createSearchEngine(makeLoad(warmCounter))
  const times: number[] = []
  const slowest: Array<{ q: string; ms: number }> = []
  const failures: string[] = []
  for (const query of queries) {
    const first = await engine.search(query.q, options)
    const start = performance.now()
    const result = await engine.search(query.q, options)
    times.push(performance.now() - start)
    slowest.push({ q: `${query.kind} "${query.q}"`, ms: performance.now() - start })
    const rank = result.hits.findIndex((h) => h.id === query.id)
    score(metrics, query.kind, rank)
    if (rank !== 0) {
      const top = first.hits[0]
      failures.push(
        `${query.kind} "${query.q}" -> rank ${rank} of ${result.total}${result.correctedQuery ? ` (as "${result.correctedQuery}")` : ''}; first: ${top?.title ?? '-'}`,
      )
    }
  }
  console.log(
    '\n| engine | kind | queries | success@1 | MRR@10 | recall@10 |\n|---|---|---|---|---|---|',
  )
  console.log(table('this', metrics))
  if (values.verbose) {
    for (const f of failures) console.log(`  miss: ${f}`)
    slowest.sort((a, b) => b.ms - a.ms)
    for (const s of slowest.slice(0, 5)) console.log(`  slow: ${s.q} ${s.ms.toFixed(1)} ms`)
  }

  const coldQueries = queries.slice(0, values.cold ? Number(values.cold) : queries.length)
  const raw: number[] = []
  const gzip: number[] = []
  const fileCounts: number[] = []
  const byKind = new Map<string, number>()
  for (const query of coldQueries) {
    const counter = { raw: 0, gzip: 0, files: 0, byKind }
    await createSearchEngine(makeLoad(counter)).search(query.q, options)
    raw.push(counter.raw)
    gzip.push(counter.gzip)
    fileCounts.push(counter.files)
  }
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`
  console.log(
    `\ncold first answer (limit ${limit}, ${coldQueries.length} queries): raw median ${kb(quantile(raw, 0.5))}, max ${kb(Math.max(...raw))}; with article JSON gzipped: median ${kb(quantile(gzip, 0.5))}, max ${kb(Math.max(...gzip))}; files median ${quantile(fileCounts, 0.5)}, max ${Math.max(...fileCounts)}`,
  )
  console.log(
    `  mean per query by file kind: ${[...byKind].map(([k, b]) => `${k} ${kb(b / coldQueries.length)}`).join(', ')}`,
  )
  console.log(
    `warm query: p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
  )

  if (values['compare-minisearch']) {
    t = performance.now()
    const mini = new MiniSearch<{ id: string; title: string; text: string }>({
      fields: ['title', 'text'],
      searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } },
    })
    mini.addAll(articles.map((a) => ({ id: a.id, title: a.title, text: a.paragraphs.join('\n') })))
    const json = JSON.stringify(mini)
    console.log(
      `\nMiniSearch: indexed in ${((performance.now() - t) / 1000).toFixed(1)} s, ${kb(Buffer.byteLength(json))} serialized, ${kb(gzipSync(json).length)} gzipped`,
    )
    console.log(
      '| engine | kind | queries | success@1 | MRR@10 | recall@10 |\n|---|---|---|---|---|---|',
    )
    for (const combineWith of ['OR', 'AND'] as const) {
      const miniMetrics = new Map<string, Metrics>()
      const miniTimes: number[] = []
      for (const query of queries) {
        const start = performance.now()
        const found = mini.search(query.q, { combineWith })
        miniTimes.push(performance.now() - start)
        score(
          miniMetrics,
          query.kind,
          found.slice(0, 10).findIndex((r) => r.id === query.id),
        )
      }
      console.log(table(`MiniSearch ${combineWith}`, miniMetrics))
      console.log(
        `<!-- MiniSearch ${combineWith} query: p50 ${quantile(miniTimes, 0.5).toFixed(2)} ms, p95 ${quantile(miniTimes, 0.95).toFixed(2)} ms -->`,
      )
    }
  }
}

await main()
