/**
 * Relevance, size and speed of the search engine in Node, without a browser:
 *
 *   tsx scripts/bench/search/eval-relevance.ts --corpus DIR [--queries FILE] [--generate N] [--seed S]
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
import { createSearchEngine } from '../../../src/lib/search/search-engine.ts'
import { emitCorpus, memoryEmitter, type ExtraEmitter } from '../../site/corpus/emit-corpus.ts'
import { readCorpus } from '../../site/corpus/read-corpus.ts'
import { buildSearchIndex } from '../../site/search-index/emit-search-index.ts'
import { isKnownItemQuery, makeQueries, type KnownItemQuery } from './known-item-queries.ts'

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
        if (!Array.isArray(parsed) || !parsed.every(isKnownItemQuery))
          throw new Error('bad queries file')
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
