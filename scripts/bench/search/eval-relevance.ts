/**
 * Relevance, size and speed of the search engine in Node, without a browser:
 *
 *   tsx scripts/bench/search/eval-relevance.ts --corpus DIR [--queries FILE] [--generate N] [--seed S]
 *     [--limit 10] [--cold N] [--compare-minisearch]
 *
 * Compiles the corpus in memory exactly as the build does (emitCorpus with the search index), runs
 * each known-item query ({ q, id, kind }) through createSearchEngine with a `load` that reads the
 * compiled files, and prints success@1, MRR@10 and recall@10 per kind (and success@1 per language
 * and kind when the queries give a `lang`); the bytes a cold engine
 * loads before its first answer (a fresh engine per query: median and max, raw bytes as stored;
 * the index files are deflated already, the article JSON is also given gzipped); and the time of
 * warm queries (everything loaded). Without --queries it makes N queries of each kind from the
 * corpus (see makeQueries). --compare-minisearch runs MiniSearch (fuzzy 0.2, prefix, title boost 2)
 * on the same queries.
 */
import { gzipSync } from 'node:zlib'
import MiniSearch from 'minisearch'
import { createSearchEngine } from '../../../src/lib/search/search-engine.ts'
import type { Article } from '../../../src/lib/corpus/types.ts'
import { emitCorpus, memoryEmitter, type ExtraEmitter } from '../../site/corpus/emit-corpus.ts'
import { readCorpus } from '../../site/corpus/read-corpus.ts'
import { buildSearchIndex } from '../../site/search-index/emit-search-index.ts'
import { markdownTable, median, percentile, readOptions, secondsSince } from '../common.ts'
import {
  languageTable,
  queryLanguage,
  rankOf,
  relevanceByKind,
  type RankedQuery,
} from '../metrics.ts'
import { makeQueries, readQueries, type KnownItemQuery } from './known-item-queries.ts'

const USAGE = `tsx scripts/bench/search/eval-relevance.ts --corpus DIR [--queries FILE] [--generate N] [--seed S]
  [--limit 10] [--cold N] [--compare-minisearch] [--verbose]

  --corpus DIR            the corpus to compile in memory (required)
  --queries FILE          known-item queries, a JSON array of { q, id, kind }
  --generate N            without --queries: N queries of each kind made from the corpus (default 50)
  --seed S                the seed of the made queries (default 7)
  --limit N               results per search (default 10)
  --cold N                cold first answers measured (default every query)
  --compare-minisearch    MiniSearch (fuzzy 0.2, prefix, title boost 2) on the same queries
  --verbose               the misses and the five slowest warm queries`

const CUTOFF = 10
const RELEVANCE_HEADER = ['engine', 'kind', 'queries', 'success@1', 'MRR@10', 'recall@10']

function parseCommandLine() {
  const { values } = readOptions({
    usage: USAGE,
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
  if (!values.corpus) throw new Error(`--corpus DIR is required\n\n${USAGE}`)
  return { ...values, corpus: values.corpus, limit: Number(values.limit) }
}

/** Rows of the relevance table for one engine: the kinds by name, then all. */
function relevanceRows(engine: string, ranked: readonly RankedQuery[]): string[][] {
  const relevance = relevanceByKind(ranked, CUTOFF)
  const kinds = [...relevance.keys()].sort((a, b) =>
    a === 'all' ? 1 : b === 'all' ? -1 : a < b ? -1 : 1,
  )
  return kinds.flatMap((kind) => {
    const r = relevance.get(kind)
    if (r === undefined) return []
    const cells = [r.successAt1, r.mrr, r.recall].map((x) => x.toFixed(2))
    return [[engine, kind, String(r.queries), ...cells]]
  })
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`

/** The files the build would write, in memory; sorts `articles` as the build does. */
function compileInMemory(articles: Article[]) {
  const files = new Map<string, string | Uint8Array>()
  const built: { stats: ReturnType<typeof buildSearchIndex>['stats'] | null } = { stats: null }
  const searchIndex: ExtraEmitter = (sorted, write) => {
    const index = buildSearchIndex(sorted)
    built.stats = index.stats
    for (const [path, content] of index.files) write(path, content)
  }
  const started = performance.now()
  emitCorpus(articles, memoryEmitter(files), undefined, [searchIndex])
  const stats = built.stats
  if (!stats) throw new Error('the search index was not built')
  console.log(
    `compiled in ${secondsSince(started).toFixed(1)} s; search index: built in ${stats.seconds.toFixed(1)} s, ${stats.files} files, ${(stats.bytes / 1e6).toFixed(2)} MB, ${stats.terms} terms, ${stats.pairs} word pairs`,
  )
  for (const [kind, k] of Object.entries(stats.byKind)) {
    console.log(`  ${kind}: ${k.files} files, ${(k.bytes / 1e3).toFixed(0)} kB`)
  }
  return files
}

type Counter = { raw: number; gzip: number; files: number; byKind?: Map<string, number> }

/** A `load` for the engine that reads the compiled files and counts what it loads. */
function loaderOf(files: ReadonlyMap<string, string | Uint8Array>) {
  const gzipSizes = new Map<string, number>()
  return (counter: Counter) =>
    async (path: string): Promise<Uint8Array | unknown> => {
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

type Loader = ReturnType<typeof loaderOf>

/** Each query twice in one engine: relevance from the first, time from the second. */
async function measureWarm(makeLoad: Loader, queries: readonly KnownItemQuery[], limit: number) {
  const options = { source: null, sort: 'relevance' as const, limit }
  const engine = createSearchEngine(makeLoad({ raw: 0, gzip: 0, files: 0 }))
  const ranked: RankedQuery[] = []
  const times: number[] = []
  const slowest: Array<{ q: string; ms: number }> = []
  const failures: string[] = []
  for (const query of queries) {
    const first = await engine.search(query.q, options)
    const start = performance.now()
    const result = await engine.search(query.q, options)
    const ms = performance.now() - start
    times.push(ms)
    slowest.push({ q: `${query.kind} "${query.q}"`, ms })
    const rank = rankOf(
      result.hits.map((h) => h.id),
      query.id,
    )
    const lang = queryLanguage(query)
    ranked.push({ kind: query.kind, rank, lang })
    if (rank !== 0) {
      const top = first.hits[0]
      failures.push(
        `${lang === undefined ? '' : `${lang} `}${query.kind} "${query.q}" -> rank ${rank} of ${result.total}${result.correctedQuery ? ` (as "${result.correctedQuery}")` : ''}; first: ${top?.title ?? '-'}`,
      )
    }
  }
  slowest.sort((a, b) => b.ms - a.ms)
  return { ranked, times, failures, slowest: slowest.slice(0, 5) }
}

/** A fresh engine per query: what it loads before its first answer. */
async function measureCold(makeLoad: Loader, queries: readonly KnownItemQuery[], limit: number) {
  const options = { source: null, sort: 'relevance' as const, limit }
  const raw: number[] = []
  const gzip: number[] = []
  const fileCounts: number[] = []
  const byKind = new Map<string, number>()
  for (const query of queries) {
    const counter = { raw: 0, gzip: 0, files: 0, byKind }
    await createSearchEngine(makeLoad(counter)).search(query.q, options)
    raw.push(counter.raw)
    gzip.push(counter.gzip)
    fileCounts.push(counter.files)
  }
  console.log(
    `\ncold first answer (limit ${limit}, ${queries.length} queries): raw median ${kb(median(raw))}, max ${kb(Math.max(...raw))}; with article JSON gzipped: median ${kb(median(gzip))}, max ${kb(Math.max(...gzip))}; files median ${median(fileCounts)}, max ${Math.max(...fileCounts)}`,
  )
  console.log(
    `  mean per query by file kind: ${[...byKind].map(([k, b]) => `${k} ${kb(b / queries.length)}`).join(', ')}`,
  )
}

/** MiniSearch (fuzzy 0.2, prefix, title boost 2) on the same queries, OR and AND. */
function compareMiniSearch(articles: readonly Article[], queries: readonly KnownItemQuery[]) {
  const started = performance.now()
  const mini = new MiniSearch<{ id: string; title: string; text: string }>({
    fields: ['title', 'text'],
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } },
  })
  mini.addAll(articles.map((a) => ({ id: a.id, title: a.title, text: a.paragraphs.join('\n') })))
  const json = JSON.stringify(mini)
  console.log(
    `\nMiniSearch: indexed in ${secondsSince(started).toFixed(1)} s, ${kb(Buffer.byteLength(json))} serialized, ${kb(gzipSync(json).length)} gzipped`,
  )
  const rows: string[][] = []
  const notes: string[] = []
  for (const combineWith of ['OR', 'AND'] as const) {
    const ranked: RankedQuery[] = []
    const times: number[] = []
    for (const query of queries) {
      const start = performance.now()
      const found = mini.search(query.q, { combineWith })
      times.push(performance.now() - start)
      const ids = found.slice(0, CUTOFF).map((r) => String(r.id))
      ranked.push({ kind: query.kind, rank: rankOf(ids, query.id) })
    }
    rows.push(...relevanceRows(`MiniSearch ${combineWith}`, ranked))
    notes.push(
      `<!-- MiniSearch ${combineWith} query: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms -->`,
    )
  }
  console.log(markdownTable(RELEVANCE_HEADER, rows))
  for (const note of notes) console.log(note)
}

async function main() {
  const options = parseCommandLine()
  const started = performance.now()
  const { articles } = readCorpus(options.corpus)
  console.log(`read ${articles.length} articles in ${secondsSince(started).toFixed(1)} s`)
  const makeLoad = loaderOf(compileInMemory(articles))
  const queries = options.queries
    ? readQueries(options.queries)
    : makeQueries(articles, Number(options.generate), Number(options.seed))
  console.log(`${queries.length} queries`)

  const warm = await measureWarm(makeLoad, queries, options.limit)
  console.log(`\n${markdownTable(RELEVANCE_HEADER, relevanceRows('this', warm.ranked))}`)
  const languages = languageTable(warm.ranked, CUTOFF)
  if (languages !== '') console.log(`\nsuccess@1 per language and kind (queries):\n\n${languages}`)
  if (options.verbose) {
    for (const f of warm.failures) console.log(`  miss: ${f}`)
    for (const s of warm.slowest) console.log(`  slow: ${s.q} ${s.ms.toFixed(1)} ms`)
  }
  const coldCount = options.cold ? Number(options.cold) : queries.length
  await measureCold(makeLoad, queries.slice(0, coldCount), options.limit)
  const { times } = warm
  console.log(
    `warm query: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
  )
  if (options['compare-minisearch']) compareMiniSearch(articles, queries)
}

await main()
