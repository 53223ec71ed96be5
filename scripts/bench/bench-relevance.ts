/**
 * npm run bench:relevance [-- --corpus DIR] [--queries FILE] [--rebuild] [--reuse]
 *
 * Builds the site for a corpus (cached in bench-out/sites/, rebuilt when the corpus or the app's
 * sources change, or with --rebuild; --reuse takes an earlier build even if the sources changed
 * since, to measure a build kept from before a change), serves it with scripts/site/serve.ts, and runs each known-item
 * query ({ q, id, kind } in a JSON array) through the real /search view in headless Chromium: one
 * page, the query typed into the header's search box, the ordered article ids read from the
 * result links once the results list shows that query. Prints success@1, MRR@10 and recall@10 per
 * query kind as a markdown table (and success@1 per language and kind when the queries give a
 * `lang`), the targets met or missed, and the queries whose article did not
 * come first. Exits 1 when a target is missed.
 *
 * Defaults: --corpus ../shared/corpora/wikinews, --queries ../shared/corpora/wikinews-queries.json.
 */
import { existsSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import { readQueries } from './search/known-item-queries.ts'
import { launchChromium } from './browser.ts'
import { cachedSite } from './cached-site.ts'
import { log, markdownTable, percentile, readOptions } from './common.ts'
import { ROOT } from './corpora.ts'
import { loadAverage, machineLine } from './machine.ts'
import {
  languageTable,
  languageTarget,
  queryLanguage,
  rankOf,
  relevanceByKind,
  relevanceTargets,
  type RankedQuery,
} from './metrics.ts'
import { openSearchView, prepareContext, searchInView } from './search-view.ts'
import { freePort, startServer, type Server } from './lighthouse/site.ts'

const SHARED = resolve(ROOT, '..', 'shared', 'corpora')

const USAGE = `npm run bench:relevance [-- --corpus DIR] [--queries FILE] [--rebuild] [--reuse]

  --corpus DIR    the corpus (default ../shared/corpora/wikinews)
  --queries FILE  known-item queries, a JSON array of { q, id, kind }
                  (default ../shared/corpora/wikinews-queries.json)
  --rebuild       build the site even when a cached build matches
  --reuse         take an earlier site build even if the sources changed since`

function parseCommandLine() {
  const { values } = readOptions({
    usage: USAGE,
    options: {
      corpus: { type: 'string', default: join(SHARED, 'wikinews') },
      queries: { type: 'string', default: join(SHARED, 'wikinews-queries.json') },
      rebuild: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
    },
  })
  const corpusDir = resolve(values.corpus)
  const queriesFile = resolve(values.queries)
  if (!existsSync(corpusDir)) throw new Error(`--corpus: no folder at ${corpusDir}`)
  if (!existsSync(queriesFile)) throw new Error(`--queries: no file at ${queriesFile}`)
  return { corpusDir, queriesFile, rebuild: values.rebuild, reuse: values.reuse }
}

async function main(): Promise<boolean> {
  const started = performance.now()
  const args = process.argv.slice(2)
  const options = parseCommandLine()
  const queries = readQueries(options.queriesFile)
  const loadAtStart = loadAverage()
  const site = cachedSite({
    corpusDir: options.corpusDir,
    name: basename(options.corpusDir),
    rebuild: options.rebuild,
    reuse: options.reuse,
  })
  let server: Server | undefined
  const browser = await launchChromium()
  try {
    server = await startServer({ root: ROOT, dir: site.dir, port: await freePort() })
    // Service workers blocked: the network is measured as a first visit sees it.
    const context = await browser.newContext({ serviceWorkers: 'block' })
    await prepareContext(context)
    const page = await context.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await openSearchView(page, server.origin)

    const ranked: RankedQuery[] = []
    const misses: string[] = []
    const times: number[] = []
    let previous: { q: string; ids: string[] } = { q: '', ids: [] }
    for (const [i, query] of queries.entries()) {
      // The same text again would fire no input event: its results are those on screen.
      let ids = previous.q === query.q ? previous.ids : null
      if (ids === null) {
        const answer = await searchInView(page, query.q)
        times.push(answer.afterDebounceMs)
        ids = answer.ids
      }
      previous = { q: query.q, ids }
      const rank = rankOf(ids, query.id)
      const lang = queryLanguage(query)
      ranked.push({ kind: query.kind, rank, lang })
      if (rank !== 0) {
        misses.push(
          `- ${lang === undefined ? '' : `${lang} `}${query.kind} "${query.q}" (${query.id}): ${rank < 0 ? `not in the first ${ids.length}` : `rank ${rank + 1}`}; first: ${ids[0] ?? 'no results'}`,
        )
      }
      if ((i + 1) % 25 === 0) log(`bench: ${i + 1}/${queries.length} queries`)
    }
    await context.close()

    const relevance = relevanceByKind(ranked, 10)
    const byLanguage = languageTarget(ranked, 10)
    const targets = [...relevanceTargets(relevance), ...(byLanguage ? [byLanguage] : [])]
    const languages = languageTable(ranked, 10)
    const rows = [...relevance].map(([kind, r]) => [
      kind,
      String(r.queries),
      r.successAt1.toFixed(2),
      r.mrr.toFixed(2),
      r.recall.toFixed(2),
    ])
    const seconds = ((performance.now() - started) / 1000).toFixed(0)
    const built =
      site.built === 'cached'
        ? `cached build${site.stale ? ', from sources that have changed since (--reuse)' : ''}`
        : `built in ${site.built.seconds.toFixed(0)} s`
    const out = [
      '## Search relevance through the /search view (Chromium)',
      '',
      `- corpus: ${relative(ROOT, options.corpusDir)} (${built}: ${relative(ROOT, site.dir)}); queries: ${relative(ROOT, options.queriesFile)} (${queries.length})`,
      `- each query typed into the header's search box of one page; ids read from the result links (the first page, 10 results)`,
      `- machine: ${machineLine()}; 1-minute load average ${loadAtStart} at the start, ${loadAverage()} at the end`,
      `- after the 200 ms debounce, search and render took p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms`,
      '',
      markdownTable(['kind', 'queries', 'success@1', 'MRR@10', 'recall@10'], rows, [
        'left',
        'right',
        'right',
        'right',
        'right',
      ]),
      ...(languages === ''
        ? []
        : ['', 'success@1 per language and kind (queries):', '', languages]),
      '',
      'Targets (success@1):',
      ...targets.map((t) => `- ${t.label}: ${t.met ? 'met' : '**missed**'} (${t.detail})`),
      '',
      misses.length === 0 ? 'Every article came first.' : 'Not first:',
      ...misses,
      ...(pageErrors.length > 0 ? ['', 'Page errors:', ...pageErrors.map((e) => `- ${e}`)] : []),
      '',
      `Took ${seconds} s. Command: \`npm run bench:relevance${args.length > 0 ? ` -- ${args.join(' ')}` : ''}\``,
    ]
    console.log(out.join('\n'))
    return targets.every((t) => t.met) && pageErrors.length === 0
  } finally {
    await browser.close()
    server?.stop()
  }
}

try {
  process.exitCode = (await main()) ? 0 : 1
} catch (error) {
  console.error(`bench:relevance: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
}
