/**
 * npm run bench:search [-- --sizes 10000,100000] [--per-kind 34] [--cold 20] [--seed 7]
 *   [--rebuild] [--reuse] [--typing] [--corpus DIR] [--tag NAME]
 *
 * For each size, on the generated corpus of bench:corpus (seed 1, cached in bench-out/), and for
 * the corpus folder of --corpus (its size its article count); --tag keeps the site builds apart,
 * in bench-out/sites/NAME-<corpus>:
 *
 * - builds the site (cached in bench-out/sites/ while the corpus and the sources are unchanged;
 *   --rebuild builds anew, --reuse takes an earlier build even if the sources changed since) and
 *   times our index build alone in this process
 *   (buildSearchIndex over the sorted articles); its size is the site's data/<v>/search/ folder;
 * - builds the anchors into bench-out/search-anchors/<size or corpus>/: MiniSearch 7 (fields title and text,
 *   title stored, searched fuzzy 0.2, prefix, title boost 2, AND), serialized with JSON.stringify;
 *   FlexSearch 0.8 (a Document index of title and body, forward tokenizer, LatinBalance encoder,
 *   searched with suggest and merged fields), exported; Orama 3 (title and body, searched with
 *   tolerance 1 and title boost 2), saved;
 *   Pagefind (its CLI over the site's prerendered article pages, the article element only, without
 *   the back link, byline, share button and neighbour links); cached with the site they were
 *   built from, with the build times measured then;
 * - makes known-item queries from the corpus with --seed (makeQueries: title words, body
 *   phrases, typo'd title words), the same set for every engine;
 * - in headless Chromium, for each engine:
 *   cold: a fresh browser context per query (empty cache, service workers blocked); the bytes
 *   received from the moment the query starts to its first answer, by kind (index, display data,
 *   engine code), and the time to that answer. Ours: /search is opened and left to settle, then
 *   the query is put into the search box (one input event); the time runs from it to the results
 *   in the DOM (search-view.ts; for a build whose box waited for the typing to pause before it
 *   navigated, from that navigation).
 *   MiniSearch, FlexSearch, Orama: import the library, fetch the index, load it, search (their
 *   answer is the whole index whatever the query: 5 cold runs at most). Pagefind: import
 *   pagefind.js, search, and load the data of the first 10 results.
 *   warm: one page runs every query once (which also gives success@1), then each again with its
 *   first letter capitalised (the same work for the engines, which fold case, but a new entry for
 *   the app's results cache); p50 and p95 of the second pass. Ours is timed as the cold answer
 *   is, to the results in the DOM, so it includes React's render; the anchors time their calls.
 * - typing (search/typing.ts): each query typed key by key, 40 ms apart, into this engine's real
 *   search box on /search and into MiniSearch's and Pagefind's typing page; p50 and p95 from the
 *   last keystroke to that query's results on screen, and the key events' durations. --typing
 *   runs this section alone, with only those two anchors built (in
 *   bench-out/search-anchors/<corpus>-typing/, kept while the corpus is unchanged).
 *
 * Prints the markdown tables, the targets met or missed, the machine and its load average.
 * Exits 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { create, insertMultiple, save } from '@orama/orama'
import { Charset, Document, type DocumentOptions } from 'flexsearch'
import MiniSearch, { type Options, type SearchOptions } from 'minisearch'
import type { BrowserContext, Page } from '@playwright/test'
import type { Article } from '../../src/lib/corpus/types.ts'
import { compareArticles } from '../site/corpus/emit-corpus.ts'
import { readCorpus } from '../site/corpus/read-corpus.ts'
import { launchChromium } from './browser.ts'
import { cachedSite } from './cached-site.ts'
import {
  isRecord,
  logger,
  markdownTable,
  median,
  percentile,
  readOptions,
  secondsSince,
} from './common.ts'
import { BENCH_DIR, ROOT, countTxt, ensureCorpus, folderSize } from './corpora.ts'
import { loadAverage, machineLine } from './machine.ts'
import { rankOf, relevanceByKind } from './metrics.ts'
import { openSearchView, prepareContext, searchInView } from './search-view.ts'
import { countTransfers, type Transfers } from './transfers.ts'
import { buildSearchIndex } from '../site/search-index/emit-search-index.ts'
import { makeQueries, type KnownItemQuery } from './search/known-item-queries.ts'
import {
  KEY_DELAY_MS,
  corpusStamp,
  installTypingProbe,
  typeQueries,
  writeTypingPage,
  type Typed,
} from './search/typing.ts'
import { freePort, startServer, type Server } from './lighthouse/site.ts'

type Doc = { id: string; title: string; text: string }

const MINISEARCH_OPTIONS: Options<Doc> = { fields: ['title', 'text'], storeFields: ['title'] }
const MINISEARCH_SEARCH: SearchOptions = {
  fuzzy: 0.2,
  prefix: true,
  boost: { title: 2 },
  combineWith: 'AND',
}
/** The library's ES module build, served beside its index. */
const MINISEARCH_MODULE = join(ROOT, 'node_modules', 'minisearch', 'dist', 'es', 'index.js')

/** The anchors that load a whole index into memory: the document FlexSearch and Orama index. */
type FieldDoc = { id: string; title: string; body: string }
/**
 * FlexSearch's Document index over title and body: the forward tokenizer (prefixes, as
 * MiniSearch's `prefix`), its Latin "balance" encoder (case, accents and a basic phonetic
 * folding: its answer to typos, which it has no edit distance for), results of both fields merged,
 * and `suggest`, which keeps documents that miss a query word rather than answering nothing.
 */
const FLEXSEARCH_OPTIONS = {
  tokenize: 'forward',
  document: { id: 'id', index: ['title', 'body'] },
} satisfies DocumentOptions<FieldDoc>
/** A name of FlexSearch's Charset, looked up on each side: the encoder is not serializable. */
const FLEXSEARCH_ENCODER = 'LatinBalance' as const
const FLEXSEARCH_SEARCH = { suggest: true, merge: true } as const
/** The library's one-file ES module build (served as .js: the server has no type for .mjs). */
const FLEXSEARCH_MODULE = join(
  ROOT,
  'node_modules',
  'flexsearch',
  'dist',
  'flexsearch.bundle.module.min.mjs',
)
const ORAMA_SCHEMA = { title: 'string', body: 'string' } as const
/** Orama's typo tolerance (edit distance 1) and a title boost of 2, as MiniSearch's. */
const ORAMA_SEARCH = { properties: ['title', 'body'], tolerance: 1, boost: { title: 2 } }
/** Orama's browser build: ES modules that import each other by relative paths. */
const ORAMA_MODULES = join(ROOT, 'node_modules', '@orama', 'orama', 'dist', 'browser')
const PAGEFIND_BIN = join(ROOT, 'node_modules', '.bin', 'pagefind')
/** Results a first answer shows: the app's first page. */
const SHOWN = 10
/** An in-memory anchor's cold answer is its whole index whatever the query: a few runs time it. */
const IN_MEMORY_COLD_RUNS = 5

const TARGETS = new Map([
  [10_000, { coldBytes: 100_000, warmP95Ms: 30, buildSeconds: null }],
  [100_000, { coldBytes: 200_000, warmP95Ms: 60, buildSeconds: 60 }],
])

type Cold = { transfers: Transfers; ms: number }
type EngineRow = {
  engine: string
  build: { seconds: number; files: number; bytes: number; gzipBytes?: number } | null
  cold: Cold[]
  warm: number[]
  /** Ours only: the warm pass timed from the input event, whatever the box waited for. */
  warmKeystroke?: number[]
  successAt1: number
  note?: string
}

const USAGE = `npm run bench:search [-- --sizes 10000,100000] [--per-kind 34] [--cold 20] [--seed 7]
  [--rebuild] [--reuse] [--typing] [--corpus DIR] [--tag NAME]

  --sizes N,N     generated corpus sizes, in articles (default 10000,100000)
  --corpus DIR    a corpus folder to measure too (after the sizes; --sizes '' for it alone)
  --typing        the typing section only: each engine's latency as a reader types
  --tag NAME      build the sites into bench-out/sites/NAME-<corpus>, apart from other builds
  --typed E,E     the engines the typing section types into: this, minisearch, pagefind (default
                  all three; MiniSearch answers each key in seconds at 100,000 articles)
  --per-kind N    known-item queries of each kind (title, body, typo) (default 34)
  --cold N        cold first answers per engine, a fresh browser context each (default 20)
  --seed N        the seed of the queries (default 7)
  --rebuild       build the site and the anchors anew
  --reuse         take an earlier site build even if the sources changed since`

function parseCommandLine() {
  const { values } = readOptions({
    usage: USAGE,
    options: {
      sizes: { type: 'string', default: '10000,100000' },
      corpus: { type: 'string' },
      typing: { type: 'boolean', default: false },
      tag: { type: 'string' },
      typed: { type: 'string', default: 'this,minisearch,pagefind' },
      'per-kind': { type: 'string', default: '34' },
      cold: { type: 'string', default: '20' },
      seed: { type: 'string', default: '7' },
      rebuild: { type: 'boolean', default: false },
      reuse: { type: 'boolean', default: false },
    },
  })
  const sizes = values.sizes
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s) => Number(s.trim().replace(/_/g, '')))
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`--sizes must be whole numbers separated by commas, not "${values.sizes}"`)
  }
  const whole = (name: string, text: string) => {
    const n = Number(text)
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name} must be at least 1, not "${text}"`)
    return n
  }
  if (values.tag !== undefined && !/^[a-z0-9-]+$/.test(values.tag)) {
    throw new Error(`--tag must be lower-case letters, digits and dashes, not "${values.tag}"`)
  }
  const corpora: CorpusSpec[] = sizes.map((size) => ({
    dir: null,
    name: `corpus-${size}-seed1`,
    size,
  }))
  if (values.corpus !== undefined) {
    const dir = resolve(values.corpus)
    corpora.push({ dir, name: basename(dir), size: countTxt(dir) })
  }
  if (corpora.length === 0) throw new Error('nothing to measure: give --sizes or --corpus')
  const typed = values.typed.split(',').map((e) => e.trim())
  const engines = ['this', 'minisearch', 'pagefind']
  if (typed.some((e) => !engines.includes(e))) {
    throw new Error(`--typed takes ${engines.join(', ')}, not "${values.typed}"`)
  }
  return {
    corpora,
    typing: values.typing,
    typed: new Set(typed),
    tag: values.tag ?? null,
    perKind: whole('per-kind', values['per-kind']),
    cold: whole('cold', values.cold),
    seed: whole('seed', values.seed),
    rebuild: values.rebuild,
    reuse: values.reuse,
  }
}

/** A corpus to measure: generated (`dir` null: bench:corpus's, of `size` articles) or a folder. */
type CorpusSpec = { dir: string | null; name: string; size: number }

type CommandLine = ReturnType<typeof parseCommandLine>

const log = logger('bench:search')
const seconds = secondsSince

/** The same query with its first letter capitalised, or null when that changes nothing. */
function recased(q: string): string | null {
  const variant = q.charAt(0).toUpperCase() + q.slice(1)
  return variant === q ? null : variant
}

function successAt1(queries: readonly KnownItemQuery[], answers: readonly string[][]): number {
  const ranked = queries.map((query, i) => ({
    kind: query.kind,
    rank: rankOf(answers[i] ?? [], query.id),
  }))
  return relevanceByKind(ranked).get('all')?.successAt1 ?? 0
}

/** The one data version folder of a built site. */
function searchIndexDir(siteDir: string): string {
  const versions = readdirSync(join(siteDir, 'data'), { withFileTypes: true }).filter((e) =>
    e.isDirectory(),
  )
  const version = versions[0]
  if (versions.length !== 1 || version === undefined) {
    throw new Error(`expected one data version in ${siteDir}/data, found ${versions.length}`)
  }
  return join(siteDir, 'data', version.name, 'search')
}

type Prepared = {
  queries: KnownItemQuery[]
  ours: NonNullable<EngineRow['build']>
  mini: NonNullable<EngineRow['build']>
  flexsearch: NonNullable<EngineRow['build']>
  orama: NonNullable<EngineRow['build']>
  pagefind: NonNullable<EngineRow['build']> | { error: string }
  siteDir: string
  anchorsDir: string
  siteBuild: string
  anchorsCached: boolean
}

type Build = NonNullable<EngineRow['build']>
type AnchorsRecord = {
  stamp: string
  mini: Build
  flexsearch: Build
  orama: Build
  pagefind: Build | { error: string }
}
/** The anchors' build figures, kept beside them with the site stamp they were built from. */
const ANCHORS_RECORD = 'build.json'

function isBuild(value: unknown): value is Build {
  return (
    isRecord(value) && ['seconds', 'files', 'bytes'].every((key) => typeof value[key] === 'number')
  )
}

function isAnchorsRecord(value: unknown): value is AnchorsRecord {
  if (!isRecord(value)) return false
  const { pagefind } = value
  return (
    typeof value.stamp === 'string' &&
    isBuild(value.mini) &&
    isBuild(value.flexsearch) &&
    isBuild(value.orama) &&
    (isBuild(pagefind) || (isRecord(pagefind) && typeof pagefind.error === 'string'))
  )
}

/** A serialized in-memory index written to `file`, with its build time and sizes. */
function writeIndex(file: string, json: string, started: number): Build {
  writeFileSync(file, json)
  return {
    seconds: seconds(started),
    files: 1,
    bytes: Buffer.byteLength(json),
    gzipBytes: gzipSync(json).length,
  }
}

/** FlexSearch's Document index, exported: its parts by key, as one JSON object. */
async function buildFlexSearch(docs: readonly FieldDoc[], file: string): Promise<Build> {
  const started = performance.now()
  const index = new Document<FieldDoc>({
    ...FLEXSEARCH_OPTIONS,
    encoder: Charset[FLEXSEARCH_ENCODER],
  })
  for (const doc of docs) index.add(doc)
  const parts: Record<string, string> = {}
  await index.export((key, data) => {
    parts[key] = data
  })
  return writeIndex(file, JSON.stringify(parts), started)
}

/** Orama's database, saved (its index and the documents it keeps). */
async function buildOrama(docs: readonly FieldDoc[], file: string): Promise<Build> {
  const started = performance.now()
  const db = create({ schema: ORAMA_SCHEMA })
  await insertMultiple(db, [...docs])
  return writeIndex(file, JSON.stringify(save(db)), started)
}

/** Serves the anchors' folder: the libraries' browser builds, and the page serve.ts wants. */
function startAnchorsFolder(anchorsDir: string): void {
  rmSync(anchorsDir, { recursive: true, force: true })
  mkdirSync(anchorsDir, { recursive: true })
  // serve.ts wants an index.html; the anchors run in this empty page.
  writeFileSync(
    join(anchorsDir, 'index.html'),
    '<!doctype html><html lang="en"><title>anchors</title><h1>Search anchors</h1></html>\n',
  )
  copyFileSync(MINISEARCH_MODULE, join(anchorsDir, 'minisearch.js'))
  writeTypingPage(anchorsDir, { options: MINISEARCH_OPTIONS, search: MINISEARCH_SEARCH })
}

/** MiniSearch's index of `articles`, serialized with JSON.stringify into `anchorsDir`. */
function buildMiniSearch(articles: readonly Article[], anchorsDir: string): Build {
  log(`${articles.length}: building the MiniSearch index`)
  const started = performance.now()
  const mini = new MiniSearch<Doc>(MINISEARCH_OPTIONS)
  mini.addAll(articles.map((a) => ({ id: a.id, title: a.title, text: a.paragraphs.join('\n') })))
  return writeIndex(join(anchorsDir, 'minisearch-index.json'), JSON.stringify(mini), started)
}

/** Pagefind's bundle of the site's prerendered article pages, into `anchorsDir`/pagefind. */
function buildPagefind(
  articles: readonly Article[],
  siteDir: string,
  anchorsDir: string,
): Build | { error: string } {
  log(`${articles.length}: building the Pagefind index`)
  const bundle = join(anchorsDir, 'pagefind')
  const started = performance.now()
  const run = spawnSync(
    PAGEFIND_BIN,
    [
      '--site',
      siteDir,
      '--glob',
      'articles/*/*.html',
      '--root-selector',
      'main article',
      '--exclude-selectors',
      '.back, .meta, .share, .article-nav',
      '--output-path',
      bundle,
      '--quiet',
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  const pagefindSeconds = seconds(started)
  if (run.status !== 0) {
    const error = `pagefind exited ${run.status ?? run.signal}: ${(run.stderr || run.error?.message || '').trim()}`
    log(error)
    return { error }
  }
  // The bundle's UI scripts and styles are not the index.
  const all = folderSize(bundle)
  const ui = readdirSync(bundle).filter((f) => /-ui\.(js|css)$/.test(f))
  const uiBytes = ui.reduce((sum, f) => sum + statSync(join(bundle, f)).size, 0)
  return { seconds: pagefindSeconds, files: all.files - ui.length, bytes: all.bytes - uiBytes }
}

/**
 * The serialized indexes of MiniSearch, FlexSearch and Orama, and Pagefind's bundle, into
 * `anchorsDir` (emptied first), with the libraries' browser builds and the typing page.
 */
async function buildAnchors(
  articles: readonly Article[],
  siteDir: string,
  anchorsDir: string,
): Promise<Omit<AnchorsRecord, 'stamp'>> {
  startAnchorsFolder(anchorsDir)
  copyFileSync(FLEXSEARCH_MODULE, join(anchorsDir, 'flexsearch.js'))
  cpSync(ORAMA_MODULES, join(anchorsDir, 'orama'), {
    recursive: true,
    filter: (source) => !/\.(map|d\.ts)$/.test(source),
  })
  const mini = buildMiniSearch(articles, anchorsDir)
  const docs = articles.map((a) => ({ id: a.id, title: a.title, body: a.paragraphs.join('\n') }))
  log(`${articles.length}: building the FlexSearch index`)
  const flexsearch = await buildFlexSearch(docs, join(anchorsDir, 'flexsearch-index.json'))
  log(`${articles.length}: building the Orama index`)
  const orama = await buildOrama(docs, join(anchorsDir, 'orama-index.json'))
  const pagefind = buildPagefind(articles, siteDir, anchorsDir)
  return { mini, flexsearch, orama, pagefind }
}

/** The corpus's folder and its site, built or cached; its articles read and its queries made. */
function prepareSite(spec: CorpusSpec, options: CommandLine) {
  const corpusDir = spec.dir ?? ensureCorpus(spec.size).dir
  const site = cachedSite({
    corpusDir,
    name: options.tag === null ? spec.name : `${options.tag}-${spec.name}`,
    rebuild: options.rebuild,
    reuse: options.reuse,
  })
  const siteBuild =
    site.built === 'cached'
      ? `cached${site.stale ? ', built from sources that have changed since (--reuse)' : ''}`
      : `built in ${site.built.seconds.toFixed(0)} s`
  log(`${spec.size}: reading the corpus`)
  const { articles } = readCorpus(corpusDir)
  articles.sort(compareArticles)
  const queries = makeQueries(articles, options.perKind, options.seed)
  return { corpusDir, site, siteBuild, articles, queries }
}

/** Everything built before the browser starts; the corpus is let go at the end. */
async function prepare(spec: CorpusSpec, options: CommandLine): Promise<Prepared> {
  const size = spec.size
  const { site, siteBuild, articles, queries } = prepareSite(spec, options)

  log(`${size}: ${queries.length} queries made; building our index`)
  const built = buildSearchIndex(articles)
  const onDisk = folderSize(searchIndexDir(site.dir))
  if (onDisk.files !== built.stats.files) {
    log(`warning: the site has ${onDisk.files} index files, this build ${built.stats.files}`)
  }
  const ours = { seconds: built.stats.seconds, files: onDisk.files, bytes: onDisk.bytes }

  const anchorsDir = join(BENCH_DIR, 'search-anchors', spec.dir === null ? String(size) : spec.name)
  const recordPath = join(anchorsDir, ANCHORS_RECORD)
  if (!options.rebuild && existsSync(recordPath)) {
    const record: unknown = JSON.parse(readFileSync(recordPath, 'utf8'))
    if (isAnchorsRecord(record) && record.stamp === site.stamp) {
      log(`${size}: anchors cached in ${relative(ROOT, anchorsDir)}`)
      writeTypingPage(anchorsDir, { options: MINISEARCH_OPTIONS, search: MINISEARCH_SEARCH })
      return {
        queries,
        ours,
        ...record,
        siteDir: site.dir,
        anchorsDir,
        siteBuild,
        anchorsCached: true,
      }
    }
  }
  const anchors = await buildAnchors(articles, site.dir, anchorsDir)
  writeFileSync(recordPath, JSON.stringify({ stamp: site.stamp, ...anchors }))
  return {
    queries,
    ours,
    ...anchors,
    siteDir: site.dir,
    anchorsDir,
    siteBuild,
    anchorsCached: false,
  }
}

async function freshContext(browser: Awaited<ReturnType<typeof launchChromium>>) {
  // Service workers blocked: a cold page is a first visit, with nothing installed.
  const context = await browser.newContext({ serviceWorkers: 'block' })
  await prepareContext(context)
  return context
}

type Browser = Awaited<ReturnType<typeof launchChromium>>

async function measureOurs(
  browser: Browser,
  origin: string,
  queries: readonly KnownItemQuery[],
  coldRuns: number,
): Promise<EngineRow> {
  const cold: Cold[] = []
  for (const query of queries.slice(0, coldRuns)) {
    const context = await freshContext(browser)
    try {
      const page = await context.newPage()
      await openSearchView(page, origin)
      await page.waitForLoadState('networkidle')
      const counter = countTransfers(context)
      counter.start()
      const answer = await searchInView(page, query.q)
      cold.push({ transfers: await counter.stop(), ms: answer.afterDebounceMs })
    } finally {
      await context.close()
    }
  }
  const context = await freshContext(browser)
  try {
    const page = await context.newPage()
    await openSearchView(page, origin)
    const answers: string[][] = []
    for (const query of queries) answers.push((await searchInView(page, query.q)).ids)
    const warm: number[] = []
    const warmKeystroke: number[] = []
    for (const query of queries) {
      const variant = recased(query.q)
      if (variant === null) continue
      const answer = await searchInView(page, variant)
      warm.push(answer.afterDebounceMs)
      warmKeystroke.push(answer.keystrokeMs)
    }
    return {
      engine: 'this engine',
      build: null,
      cold,
      warm,
      warmKeystroke,
      successAt1: successAt1(queries, answers),
    }
  } finally {
    await context.close()
  }
}

type PageAnswer = { ms: number; ids: string[] }

function isPageAnswer(value: unknown): value is PageAnswer {
  return isRecord(value) && typeof value.ms === 'number' && Array.isArray(value.ids)
}

type AnchorEngine = 'minisearch' | 'flexsearch' | 'orama' | 'pagefind'

function isPageAnswers(value: unknown): value is PageAnswer[] {
  return Array.isArray(value) && value.every(isPageAnswer)
}

/**
 * Runs in the page: loads an anchor engine (the first call), then answers each query, timing
 * each call. The engine is kept on window for the next call.
 */
function anchorScript(args: {
  engine: AnchorEngine
  queries: string[]
  shown: number
  options: Options<Doc>
  searchOptions: SearchOptions
  flexOptions: typeof FLEXSEARCH_OPTIONS
  flexEncoder: typeof FLEXSEARCH_ENCODER
  flexSearch: typeof FLEXSEARCH_SEARCH
  oramaSchema: typeof ORAMA_SCHEMA
  oramaSearch: typeof ORAMA_SEARCH
}): Promise<PageAnswer[]> {
  type Search = (q: string) => Promise<string[]>
  const idOf = (url: string) => /\/articles\/([0-9a-f]{16})\//.exec(url)?.[1] ?? url
  const fetchJson = async (url: string): Promise<unknown> => (await fetch(url)).json()
  const loadFlexSearch = async (): Promise<Search> => {
    const moduleUrl = '/flexsearch.js'
    const library: unknown = await import(moduleUrl)
    const DocumentClass: typeof Document = Reflect.get(Object(library), 'Document')
    const charsets: typeof Charset = Reflect.get(Object(library), 'Charset')
    const index = new DocumentClass<FieldDoc>({
      ...args.flexOptions,
      encoder: charsets[args.flexEncoder],
    })
    const parts = Object(await fetchJson('/flexsearch-index.json'))
    for (const [key, data] of Object.entries(parts)) await index.import(key, String(data))
    return async (q) =>
      index.search(q, { ...args.flexSearch, limit: args.shown }).map((r) => String(r.id))
  }
  const loadOrama = async (): Promise<Search> => {
    const moduleUrl = '/orama/index.js'
    const orama: unknown = await import(moduleUrl)
    const call = (name: string, ...rest: unknown[]): unknown =>
      Reflect.apply(Reflect.get(Object(orama), name), orama, rest)
    const db = call('create', { schema: args.oramaSchema })
    call('load', db, await fetchJson('/orama-index.json'))
    return async (q) => {
      const found: unknown = await call('search', db, {
        ...args.oramaSearch,
        term: q,
        limit: args.shown,
      })
      const hits: unknown[] = Reflect.get(Object(found), 'hits') ?? []
      return hits.map((hit) => String(Reflect.get(Object(hit), 'id')))
    }
  }
  const load = async (): Promise<Search> => {
    if (args.engine === 'flexsearch') return loadFlexSearch()
    if (args.engine === 'orama') return loadOrama()
    if (args.engine === 'minisearch') {
      const moduleUrl = '/minisearch.js'
      const library: unknown = await import(moduleUrl)
      const MiniSearchClass: typeof MiniSearch = Reflect.get(Object(library), 'default')
      const response = await fetch('/minisearch-index.json')
      const index = MiniSearchClass.loadJSON(await response.text(), args.options)
      return async (q) =>
        index
          .search(q, args.searchOptions)
          .slice(0, args.shown)
          .map((r) => String(r.id))
    }
    const moduleUrl = '/pagefind/pagefind.js'
    const pagefind: unknown = await import(moduleUrl)
    const call = (name: string, ...rest: unknown[]): Promise<unknown> =>
      Reflect.apply(Reflect.get(Object(pagefind), name), pagefind, rest)
    await call('init')
    return async (q) => {
      const search: unknown = await call('search', q)
      const results: unknown[] = Reflect.get(Object(search), 'results') ?? []
      const data = await Promise.all(
        results
          .slice(0, args.shown)
          .map((r): Promise<unknown> => Reflect.apply(Reflect.get(Object(r), 'data'), r, [])),
      )
      return data.map((d) => idOf(String(Reflect.get(Object(d), 'url'))))
    }
  }
  return (async () => {
    const answers: PageAnswer[] = []
    let search: Search | undefined = Reflect.get(window, '__benchAnchor')
    for (const q of args.queries) {
      const started = performance.now()
      if (search === undefined) {
        search = await load()
        Reflect.set(window, '__benchAnchor', search)
      }
      const ids = await search(q)
      answers.push({ ms: performance.now() - started, ids })
    }
    return answers
  })()
}

async function runAnchor(page: Page, engine: AnchorEngine, queries: string[]) {
  const answers: unknown = await page.evaluate(anchorScript, {
    engine,
    queries,
    shown: SHOWN,
    options: MINISEARCH_OPTIONS,
    searchOptions: MINISEARCH_SEARCH,
    flexOptions: FLEXSEARCH_OPTIONS,
    flexEncoder: FLEXSEARCH_ENCODER,
    flexSearch: FLEXSEARCH_SEARCH,
    oramaSchema: ORAMA_SCHEMA,
    oramaSearch: ORAMA_SEARCH,
  })
  if (!isPageAnswers(answers)) throw new Error(`unexpected answers from the ${engine} page`)
  return answers
}

/**
 * A fresh context for an anchor. serve.ts sends the app's policy, which does not allow
 * WebAssembly: the anchors' page bypasses it, and Pagefind's web worker (whose policy is its
 * script's response header) gets that header removed.
 */
async function anchorContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ serviceWorkers: 'block', bypassCSP: true })
  await prepareContext(context)
  await context.route('**/pagefind/pagefind-worker.js', async (route) => {
    const response = await route.fetch()
    const headers = response.headers()
    delete headers['content-security-policy']
    await route.fulfill({ response, headers })
  })
  return context
}

async function measureAnchor(
  browser: Browser,
  origin: string,
  engine: AnchorEngine,
  queries: readonly KnownItemQuery[],
  coldRuns: number,
): Promise<Omit<EngineRow, 'build' | 'engine'>> {
  const cold: Cold[] = []
  const openAnchorPage = async (context: BrowserContext) => {
    const page = await context.newPage()
    await page.goto(`${origin}/index.html`)
    return page
  }
  for (const query of queries.slice(0, coldRuns)) {
    const context = await anchorContext(browser)
    try {
      const page = await openAnchorPage(context)
      const counter = countTransfers(context)
      counter.start()
      const [answer] = await runAnchor(page, engine, [query.q])
      cold.push({ transfers: await counter.stop(), ms: answer?.ms ?? Number.NaN })
    } finally {
      await context.close()
    }
  }
  const context = await anchorContext(browser)
  try {
    const page = await openAnchorPage(context)
    const first = await runAnchor(
      page,
      engine,
      queries.map((q) => q.q),
    )
    const variants = queries.flatMap((q) => recased(q.q) ?? [])
    const second = await runAnchor(page, engine, variants)
    return {
      cold,
      warm: second.map((a) => a.ms),
      successAt1: successAt1(
        queries,
        first.map((a) => a.ids),
      ),
    }
  } finally {
    await context.close()
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB`
const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : kB(bytes))
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`

function dataBytes(cold: Cold): number {
  return cold.transfers.bytes.index + cold.transfers.bytes.display
}

function rowCells(articles: number, row: EngineRow): string[] {
  const coldData = row.cold.map(dataBytes)
  const coldCode = row.cold.map((c) => c.transfers.bytes.code)
  const build = row.build
  const buildSize =
    build === null
      ? ''
      : `${size(build.bytes)}${build.gzipBytes === undefined ? '' : ` (${size(build.gzipBytes)} gzip)`}, ${build.files.toLocaleString('en-US')} files`
  return [
    articles.toLocaleString('en-US'),
    row.engine,
    build === null ? '' : `${build.seconds.toFixed(1)} s`,
    buildSize,
    row.cold.length === 0 ? '' : `${kB(median(coldData))} / ${kB(Math.max(...coldData))}`,
    row.cold.length === 0 ? '' : kB(median(coldCode)),
    row.cold.length === 0 ? '' : ms(median(row.cold.map((c) => c.ms))),
    row.warm.length === 0 ? '' : ms(percentile(row.warm, 50)),
    row.warm.length === 0 ? '' : ms(percentile(row.warm, 95)),
    row.warm.length === 0 ? '' : row.successAt1.toFixed(2),
  ]
}

function targetLines(articles: number, ours: EngineRow): { lines: string[]; missed: boolean } {
  const target = TARGETS.get(articles)
  if (target === undefined) return { lines: [], missed: false }
  const n = articles.toLocaleString('en-US')
  const coldMax = Math.max(...ours.cold.map(dataBytes))
  const p95 = percentile(ours.warm, 95)
  const checks = [
    {
      met: coldMax < target.coldBytes,
      text: `${n}: cold first answer under ${kB(target.coldBytes)} of index and display data (largest of ${ours.cold.length}: ${kB(coldMax)})`,
    },
    {
      met: p95 < target.warmP95Ms,
      text: `${n}: warm p95 under ${target.warmP95Ms} ms (${ms(p95)})`,
    },
  ]
  if (target.buildSeconds !== null && ours.build !== null) {
    checks.push({
      met: ours.build.seconds < target.buildSeconds,
      text: `${n}: index build under ${target.buildSeconds} s (${ours.build.seconds.toFixed(1)} s)`,
    })
  }
  return {
    lines: checks.map((c) => `- ${c.met ? 'met' : '**missed**'}: ${c.text}`),
    missed: checks.some((c) => !c.met),
  }
}

/** The in-memory anchors: the library, its label in the table, its build figures. */
function inMemoryAnchors(prepared: Prepared) {
  return [
    { engine: 'minisearch', label: 'MiniSearch 7.2, fuzzy 0.2, AND', build: prepared.mini },
    {
      engine: 'flexsearch',
      label: 'FlexSearch 0.8, Document, forward, LatinBalance, suggest',
      build: prepared.flexsearch,
    },
    { engine: 'orama', label: 'Orama 3.1, tolerance 1, title boost 2', build: prepared.orama },
  ] as const
}

/** Every engine on one corpus: the table rows, the detail lines, and our targets. */
async function measureSize(spec: CorpusSpec, options: CommandLine) {
  const articles = spec.size
  const prepared = await prepare(spec, options)
  const servers: Server[] = []
  const browser = await launchChromium()
  try {
    const site = await startServer({ root: ROOT, dir: prepared.siteDir, port: await freePort() })
    servers.push(site)
    // startServer waits for /robots.txt to answer.
    writeFileSync(join(prepared.anchorsDir, 'robots.txt'), 'User-agent: *\nDisallow: /\n')
    const anchors = await startServer({
      root: ROOT,
      dir: prepared.anchorsDir,
      port: await freePort(),
    })
    servers.push(anchors)
    const { queries } = prepared
    log(`${articles}: ${queries.length} queries in Chromium, this engine (load ${loadAverage()})`)
    const ours = {
      ...(await measureOurs(browser, site.origin, queries, options.cold)),
      build: prepared.ours,
    }
    const rows: EngineRow[] = [ours]
    for (const anchor of inMemoryAnchors(prepared)) {
      log(`${articles}: ${anchor.label} (load ${loadAverage()})`)
      const coldRuns = Math.min(options.cold, IN_MEMORY_COLD_RUNS)
      rows.push({
        engine: anchor.label,
        build: anchor.build,
        ...(await measureAnchor(browser, anchors.origin, anchor.engine, queries, coldRuns)),
      })
    }
    if ('error' in prepared.pagefind) {
      rows.push({
        engine: 'Pagefind 1.6',
        build: null,
        cold: [],
        warm: [],
        successAt1: 0,
        note: prepared.pagefind.error,
      })
    } else {
      log(`${articles}: Pagefind (load ${loadAverage()})`)
      rows.push({
        engine: 'Pagefind 1.6',
        build: prepared.pagefind,
        ...(await measureAnchor(browser, anchors.origin, 'pagefind', queries, options.cold)),
      })
    }
    const typing = await measureTyping(browser, {
      articles,
      siteOrigin: site.origin,
      anchorsOrigin: anchors.origin,
      queries,
      pagefind: !('error' in prepared.pagefind),
      typed: options.typed,
    })
    return {
      rows: rows.map((row) => rowCells(articles, row)),
      details: detailLines(articles, prepared, ours, rows, options.seed),
      verdict: targetLines(articles, ours),
      typing,
    }
  } finally {
    await browser.close()
    for (const server of servers) server.stop()
  }
}

/** The typing section's targets: p95 from the last keystroke to its results on screen. */
const TYPING_TARGETS = new Map([
  [20_000, 100],
  [100_000, 150],
])
/** No key event slower than this while typing, at any size. */
const KEY_EVENT_TARGET_MS = 50

type TypingRow = { engine: string; typed: Typed[]; failed: string[] }

/** The typing section's anchors: MiniSearch's index and Pagefind's bundle, with the typing page. */
type TypingAnchorsRecord = { stamp: string; pagefind: boolean }

function isTypingAnchorsRecord(value: unknown): value is TypingAnchorsRecord {
  return isRecord(value) && typeof value.stamp === 'string' && typeof value.pagefind === 'boolean'
}

/**
 * For --typing alone: the site, the queries, and only the anchors typing measures (MiniSearch and
 * Pagefind), cached in bench-out/search-anchors/<corpus>-typing/ while the corpus is unchanged.
 */
function prepareTyping(spec: CorpusSpec, options: CommandLine) {
  const { corpusDir, site, siteBuild, articles, queries } = prepareSite(spec, options)
  const anchorsDir = join(BENCH_DIR, 'search-anchors', `${spec.name}-typing`)
  const recordPath = join(anchorsDir, ANCHORS_RECORD)
  const stamp = corpusStamp(corpusDir)
  if (!options.rebuild && existsSync(recordPath)) {
    const record: unknown = JSON.parse(readFileSync(recordPath, 'utf8'))
    if (isTypingAnchorsRecord(record) && record.stamp === stamp) {
      log(`${spec.size}: typing anchors cached in ${relative(ROOT, anchorsDir)}`)
      writeTypingPage(anchorsDir, { options: MINISEARCH_OPTIONS, search: MINISEARCH_SEARCH })
      return { site, siteBuild, queries, anchorsDir, pagefind: record.pagefind }
    }
  }
  startAnchorsFolder(anchorsDir)
  buildMiniSearch(articles, anchorsDir)
  const pagefind = !('error' in buildPagefind(articles, site.dir, anchorsDir))
  writeFileSync(recordPath, JSON.stringify({ stamp, pagefind } satisfies TypingAnchorsRecord))
  return { site, siteBuild, queries, anchorsDir, pagefind }
}

/**
 * Each engine typed into as a reader types (search/typing.ts): this engine on the site's /search,
 * MiniSearch and Pagefind on the anchors' typing page, each in a fresh browser context, the same
 * queries in the same order.
 */
async function measureTyping(
  browser: Browser,
  run: {
    articles: number
    siteOrigin: string
    anchorsOrigin: string
    queries: readonly KnownItemQuery[]
    pagefind: boolean
    typed: ReadonlySet<string>
  },
): Promise<TypingRow[]> {
  const queries = run.queries.map((q) => q.q)
  const rows: TypingRow[] = []
  // Each row on stderr as soon as it is measured: an anchor may take long after it.
  const done = (row: TypingRow) => {
    rows.push(row)
    log(`${run.articles}: typed | ${typingCells(run.articles, row).join(' | ')} |`)
  }
  if (run.typed.has('this')) {
    const ours = await freshContext(browser)
    try {
      await installTypingProbe(ours)
      log(`${run.articles}: typing, this engine (load ${loadAverage()})`)
      const page = await ours.newPage()
      await openSearchView(page, run.siteOrigin)
      // The index root, which the empty search page loads before the first keystroke.
      await page.waitForLoadState('networkidle')
      const box = page.getByRole('searchbox', { name: 'Search articles' })
      done({ engine: 'this engine', ...(await typeQueries(page, box, 'app', queries)) })
    } finally {
      await ours.close()
    }
  }
  const anchors = [
    { engine: 'minisearch', label: 'MiniSearch 7.2 (index in memory)' },
    ...(run.pagefind ? [{ engine: 'pagefind', label: 'Pagefind 1.6' }] : []),
  ].filter((anchor) => run.typed.has(anchor.engine))
  for (const anchor of anchors) {
    const context = await anchorContext(browser)
    try {
      await installTypingProbe(context)
      log(`${run.articles}: typing, ${anchor.label} (load ${loadAverage()})`)
      const page = await context.newPage()
      await page.goto(`${run.anchorsOrigin}/typing.html?engine=${anchor.engine}`)
      await page.locator('html[data-ready="true"]').waitFor({ timeout: 600_000 })
      const box = page.getByRole('searchbox', { name: 'Search' })
      done({ engine: anchor.label, ...(await typeQueries(page, box, 'anchor', queries)) })
    } finally {
      await context.close()
    }
  }
  return rows
}

function typingCells(articles: number, row: TypingRow): string[] {
  const latency = row.typed.map((t) => t.latencyMs)
  const events = row.typed.map((t) => t.maxEventMs)
  const handled = row.typed.map((t) => t.maxHandledMs)
  const some = row.typed.length > 0
  return [
    articles.toLocaleString('en-US'),
    row.engine,
    `${row.typed.length}${row.failed.length > 0 ? ` (${row.failed.length} without results)` : ''}`,
    some ? ms(percentile(latency, 50)) : '',
    some ? ms(percentile(latency, 95)) : '',
    some ? ms(Math.max(...latency)) : '',
    some ? ms(percentile(events, 95)) : '',
    some ? ms(Math.max(...events)) : '',
    some ? ms(Math.max(...handled)) : '',
  ]
}

function typingTargetLines(articles: number, rows: readonly TypingRow[]) {
  const ours = rows.find((row) => row.engine === 'this engine')
  // Not typed into (--typed): nothing to check.
  if (ours === undefined) return { lines: [], missed: false }
  if (ours.typed.length === 0) {
    return {
      lines: [`- **missed**: ${articles}: no query typed into this engine answered`],
      missed: true,
    }
  }
  const n = articles.toLocaleString('en-US')
  const checks: Array<{ met: boolean; text: string }> = []
  const target = TYPING_TARGETS.get(articles)
  if (target !== undefined) {
    const p95 = percentile(
      ours.typed.map((t) => t.latencyMs),
      95,
    )
    checks.push({
      met: p95 <= target,
      text: `${n}: typing, p95 from the last keystroke to its results on screen at most ${target} ms (${ms(p95)})`,
    })
  }
  const slowest = Math.max(...ours.typed.map((t) => t.maxEventMs))
  checks.push({
    met: slowest <= KEY_EVENT_TARGET_MS && ours.failed.length === 0,
    text: `${n}: typing, no key event slower than ${KEY_EVENT_TARGET_MS} ms (slowest ${ms(slowest)}), every query answered (${ours.failed.length} not)`,
  })
  return {
    lines: checks.map((c) => `- ${c.met ? 'met' : '**missed**'}: ${c.text}`),
    missed: checks.some((c) => !c.met),
  }
}

/** The typing section alone (--typing), on one corpus. */
async function measureTypingOnly(spec: CorpusSpec, options: CommandLine) {
  const prepared = prepareTyping(spec, options)
  const servers: Server[] = []
  const browser = await launchChromium()
  try {
    const site = await startServer({ root: ROOT, dir: prepared.site.dir, port: await freePort() })
    servers.push(site)
    writeFileSync(join(prepared.anchorsDir, 'robots.txt'), 'User-agent: *\nDisallow: /\n')
    const anchors = await startServer({
      root: ROOT,
      dir: prepared.anchorsDir,
      port: await freePort(),
    })
    servers.push(anchors)
    const rows = await measureTyping(browser, {
      articles: spec.size,
      siteOrigin: site.origin,
      anchorsOrigin: anchors.origin,
      queries: prepared.queries,
      pagefind: prepared.pagefind,
      typed: options.typed,
    })
    return {
      rows,
      detail: `- ${spec.size.toLocaleString('en-US')} (${spec.name}): site ${prepared.siteBuild} (${relative(ROOT, prepared.site.dir)}); ${prepared.queries.length} queries, seed ${options.seed}; load average ${loadAverage()} after the run`,
    }
  } finally {
    await browser.close()
    for (const server of servers) server.stop()
  }
}

function typingSection(measured: ReadonlyArray<{ articles: number; rows: readonly TypingRow[] }>): {
  lines: string[]
  missed: boolean
} {
  const verdicts = measured.map((m) => typingTargetLines(m.articles, m.rows))
  const failures = measured.flatMap((m) =>
    m.rows.flatMap((row) =>
      row.failed.slice(0, 3).map((f) => `- ${m.articles}: ${row.engine}: ${f}`),
    ),
  )
  return {
    lines: [
      '## Typing in Chromium',
      '',
      `Each query typed key by key into the page's search box, ${KEY_DELAY_MS} ms between keys (Playwright's keyboard), in one page per engine: this engine on the built site's /search, MiniSearch and Pagefind on a small page that searches on every input (MiniSearch with its whole index in memory). Latency: from the query's last keydown to the frame that shows that query's results (a MutationObserver, then requestAnimationFrame). Key events: the Event Timing API's entries (threshold 16 ms) while the query is typed: the slowest duration per query (to the next paint), its p95 over the queries and the slowest of all, and the longest handling (from the event to the end of its handlers: waiting for the main thread, then the page's work; without the wait for a frame, which a loaded machine stretches).`,
      '',
      markdownTable(
        [
          'articles',
          'engine',
          'queries',
          'latency p50',
          'latency p95',
          'latency max',
          'slowest key event p95',
          'slowest key event',
          'longest key handling',
        ],
        measured.flatMap((m) => m.rows.map((row) => typingCells(m.articles, row))),
        ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      ),
      ...(failures.length > 0 ? ['', 'Queries without results:', ...failures] : []),
      '',
      'Targets (this engine, typing):',
      ...verdicts.flatMap((v) => v.lines),
    ],
    missed: verdicts.some((v) => v.missed),
  }
}

function detailLines(
  articles: number,
  prepared: Prepared,
  ours: EngineRow,
  rows: readonly EngineRow[],
  seed: number,
): string[] {
  const { queries } = prepared
  const n = articles.toLocaleString('en-US')
  const kinds = new Map<string, number>()
  for (const q of queries) kinds.set(q.kind, (kinds.get(q.kind) ?? 0) + 1)
  return [
    `- ${n}: site ${prepared.siteBuild} (${relative(ROOT, prepared.siteDir)}); anchors ${prepared.anchorsCached ? 'cached (their build figures are from the run that built them)' : 'built in this run'}; ${queries.length} queries (${[...kinds].map(([k, c]) => `${c} ${k}`).join(', ')}), seed ${seed}; load average ${loadAverage()} after the run`,
    `- ${n}: this engine, warm, from the input event (whatever the box waited for): p50 ${ms(percentile(ours.warmKeystroke ?? [], 50))}, p95 ${ms(percentile(ours.warmKeystroke ?? [], 95))}; cold requests per first answer: median ${median(ours.cold.map((c) => c.transfers.requests))}`,
    ...rows.flatMap((row) =>
      row.cold.length === 0
        ? []
        : [
            `- ${n}: ${row.engine}, cold totals with code: median ${kB(median(row.cold.map((c) => dataBytes(c) + c.transfers.bytes.code)))}`,
          ],
    ),
    ...rows.flatMap((row) =>
      row.note === undefined ? [] : [`- ${n}: ${row.engine}: ${row.note}`],
    ),
  ]
}

async function main(): Promise<boolean> {
  const started = performance.now()
  const args = process.argv.slice(2)
  const options = parseCommandLine()
  const loadAtStart = loadAverage()
  const tableRows: string[][] = []
  const details: string[] = []
  const targets: string[] = []
  let missed = false
  const typed: Array<{ articles: number; rows: TypingRow[] }> = []
  if (options.typing) {
    for (const spec of options.corpora) {
      const measured = await measureTypingOnly(spec, options)
      typed.push({ articles: spec.size, rows: measured.rows })
      details.push(measured.detail)
    }
    const section = typingSection(typed)
    console.log(
      [
        `Machine: ${machineLine()}; 1-minute load average ${loadAtStart} at the start, ${loadAverage()} at the end.`,
        '',
        ...section.lines,
        '',
        ...details,
        '',
        `Took ${seconds(started).toFixed(0)} s. Command: \`npm run bench:search -- ${args.join(' ')}\``,
      ].join('\n'),
    )
    return !section.missed
  }
  for (const spec of options.corpora) {
    const measured = await measureSize(spec, options)
    tableRows.push(...measured.rows)
    details.push(...measured.details)
    targets.push(...measured.verdict.lines)
    if (measured.verdict.missed) missed = true
    typed.push({ articles: spec.size, rows: measured.typing })
  }
  const typingPart = typingSection(typed)
  if (typingPart.missed) missed = true

  const out = [
    '## Search speed and size in Chromium',
    '',
    `Machine: ${machineLine()}; 1-minute load average ${loadAtStart} at the start, ${loadAverage()} at the end. kB = 1,000 bytes, as transferred (gzip where the server compresses: JSON; our index files and Pagefind's are compressed already).`,
    '',
    'Cold: a fresh browser context per query; bytes received from the start of the query to its first answer; "index + display data" is what the issue measures (index files, plus the article data or fragments of the results shown), "code" the engine\'s scripts and WebAssembly loaded on the way. Time to the first answer: ours from the search box\'s input event to the results in the DOM, the anchors from loading their script to their answer. Warm: the same queries again in one page, p50 and p95; ours includes the render, the anchors time their search calls.',
    '',
    markdownTable(
      [
        'articles',
        'engine',
        'index build',
        'index size',
        'cold: index + display data (median / max)',
        'cold: code',
        'cold: first answer',
        'warm p50',
        'warm p95',
        'success@1',
      ],
      tableRows,
      ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
    '',
    ...details,
    '',
    'Targets (this engine):',
    ...targets,
    '',
    ...typingPart.lines,
    '',
    `Took ${seconds(started).toFixed(0)} s. Command: \`npm run bench:search${args.length > 0 ? ` -- ${args.join(' ')}` : ''}\``,
  ]
  console.log(out.join('\n'))
  return !missed
}

try {
  process.exitCode = (await main()) ? 0 : 1
} catch (error) {
  console.error(
    `bench:search: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  )
  process.exitCode = 1
}
