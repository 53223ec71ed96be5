/**
 * npm run bench:bytes [-- --corpus DIR] [--site DIR] [--baseline DIR[,DIR]]... [--runs N] [--files]
 *   [--encoding br|gzip]
 *
 * What a first visit downloads, per route: issue #21 allows the reader's own features (saved
 * stories, read state, settings, keyboard) to add at most 6 kB gzip to any route. Serves each site
 * with scripts/site/serve.ts (Brotli or gzip, as a real host) and, for each route, opens a fresh
 * headless Chromium context (empty cache, service workers blocked), loads the URL, waits for
 * `html[data-app-ready="true"]` and then until no request has been pending for 1 s, and sums the
 * response bodies as transferred (compressed; headers not counted), in total and by kind: html
 * (the document), js, css, data (the site's data/ files and any JSON) and other. The browser
 * accepts Brotli as it does on any host (`--encoding br`, the default), or gzip alone
 * (`--encoding gzip`: the issue counts "kB gzip").
 *
 * The routes: home `/`; a source page (the first `/sources/...` link of the site's home); the
 * canonical URL of the article bench:lighthouse deep-links (the newest of at least 3 minutes'
 * reading, picked on the measured site and looked up by id in each baseline); a search deep link
 * for the longest word of that article's title; `/saved` and `/history`, reported n/a on a site
 * that renders them as "Not found".
 *
 * Prints, as markdown: the total per route and site with the difference to the first baseline,
 * the measured site's growth over each baseline against the 6 kB limit (6,000 and 6,144 bytes),
 * the bytes by kind, and with --files every file each route fetched; then the machine, the load
 * average and the date. Bytes should not vary between runs: a route that did is named.
 *
 * Defaults: --corpus ../shared/corpora/wikinews; --site: the working tree's site for the corpus,
 * built into bench-out/sites/<corpus name>/ (cached while the corpus and the sources are
 * unchanged); --runs 3.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser, BrowserContext, Request } from '@playwright/test'
import { APP_READY_SELECTOR } from '../../src/lib/page-handover.ts'
import { launchChromium } from './browser.ts'
import { cachedSite } from './cached-site.ts'
import { logger, markdownTable, median, readOptions, type Align } from './common.ts'
import { ROOT } from './corpora.ts'
import { loadAverage, machineLine } from './machine.ts'
import { countTransfers } from './transfers.ts'
import { freePort, pickArticle, searchWord, startServer, type Server } from './lighthouse/site.ts'

const log = logger('bench:bytes')

const USAGE = `npm run bench:bytes [-- --corpus DIR] [--site DIR] [--baseline DIR[,DIR]]... [--runs N] [--files]
  [--encoding br|gzip]

  --corpus DIR     the corpus the sites are built from (default ../shared/corpora/wikinews)
  --site DIR       an already-built site to measure (default: build the working tree's site
                   for the corpus into bench-out/sites/<corpus name>/, cached)
  --baseline DIR   another built site to compare with; repeat it or separate folders with commas
                   (differences are to the first)
  --runs N         loads of every route on every site (default 3)
  --files          also list every file each route fetched, with its bytes
  --encoding E     br (default): the browser's own Accept-Encoding, so Brotli where the build
                   has a .br copy and gzip otherwise; gzip: the browser asks for gzip only`

/** The issue's limit, in the two readings of "6 kB". */
const LIMITS = [6_000, 6_144] as const
/** No request pending for this long: the page has finished loading what it loads by itself. */
const QUIET_MS = 1_000
const LOAD_TIMEOUT_MS = 60_000

const KINDS = ['html', 'js', 'css', 'data', 'other'] as const
type ByteKind = (typeof KINDS)[number]

type RouteId = 'home' | 'source' | 'article' | 'search' | 'saved' | 'history'
const ROUTE_IDS: readonly RouteId[] = ['home', 'source', 'article', 'search', 'saved', 'history']
/** Routes a site may not have: measured, and n/a where the app renders "Not found". */
const OPTIONAL_ROUTES: ReadonlySet<RouteId> = new Set(['saved', 'history'])

type Options = {
  corpusDir: string
  siteDir: string | null
  baselines: string[]
  runs: number
  files: boolean
  encoding: Encoding
}

/** `br`: what Chromium asks for (Brotli where the build has a copy); `gzip`: gzip only. */
type Encoding = 'br' | 'gzip'

type Site = { label: string; dir: string }
/** `reported`: Playwright's responseBodySize; `bytes` differs only where that was 0 (workerScript). */
type FileBytes = { path: string; kind: ByteKind; bytes: number; reported: number }
type Load = {
  total: number
  byKind: Record<ByteKind, number>
  requests: number
  files: FileBytes[]
  heading: string | null
}
/** One route on one site: its path there (null when the site has no such page) and its loads. */
type Measured = { path: string | null; loads: Load[]; na: boolean }
type Results = Map<string, Map<RouteId, Measured>>

function parseCommandLine(): Options {
  const { values } = readOptions({
    usage: USAGE,
    options: {
      corpus: { type: 'string', default: resolve(ROOT, '..', 'shared', 'corpora', 'wikinews') },
      site: { type: 'string' },
      baseline: { type: 'string', multiple: true, default: [] },
      runs: { type: 'string', default: '3' },
      files: { type: 'boolean', default: false },
      encoding: { type: 'string', default: 'br' },
    },
  })
  const encoding = values.encoding
  if (encoding !== 'br' && encoding !== 'gzip') {
    throw new Error(`--encoding: br or gzip, not ${encoding}`)
  }
  const corpusDir = resolve(values.corpus)
  if (!existsSync(corpusDir)) throw new Error(`--corpus: no folder at ${corpusDir}`)
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: not a count: ${values.runs}`)
  const siteDir = values.site === undefined ? null : resolve(values.site)
  const baselines = values.baseline
    .flatMap((value) => value.split(','))
    .filter((value) => value.trim() !== '')
    .map((value) => resolve(value.trim()))
  for (const dir of [...(siteDir === null ? [] : [siteDir]), ...baselines]) {
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`no built site at ${dir}`)
  }
  return { corpusDir, siteDir, baselines, runs, files: values.files, encoding }
}

function byteKind(request: Request, path: string): ByteKind {
  if (request.resourceType() === 'document') return 'html'
  if (/\.m?js$/.test(path)) return 'js'
  if (/\.css$/.test(path)) return 'css'
  if (path.includes('/data/') || path.endsWith('.json')) return 'data'
  return 'other'
}

/**
 * The bytes of a script Playwright reports as 0 bytes although the server sent it: a dedicated
 * worker's main script starts loading in the page and finishes in the worker
 * (Chromium's PlzDedicatedWorker), and Playwright then reports its body as 0 bytes
 * (countTransfers too). Such a file's bytes are taken from the site as the server sends them:
 * its Brotli copy, else gzip made here as scripts/site/serve.ts makes it, else the file.
 */
function workerScriptBytes(siteDir: string, path: string, encoding: string | undefined): number {
  const file = join(siteDir, decodeURIComponent(path))
  if (!existsSync(file) || !statSync(file).isFile()) return 0
  if (encoding === 'br' && existsSync(`${file}.br`)) return statSync(`${file}.br`).size
  if (encoding === 'gzip') return gzipSync(readFileSync(file)).length
  return statSync(file).size
}

/**
 * Every response body of `context` from start() on, by file and kind (countTransfers sums the
 * same bodies; its total checks this one), and a wait for the network to stay quiet.
 */
function recordFiles(context: BrowserContext, siteDir: string) {
  let counting = false
  let lastChange = Date.now()
  const inflight = new Set<Request>()
  const counted = new Set<Request>()
  const files: Array<Promise<FileBytes>> = []
  context.on('request', (request) => {
    inflight.add(request)
    if (counting) counted.add(request)
    lastChange = Date.now()
  })
  context.on('requestfinished', (request) => {
    inflight.delete(request)
    lastChange = Date.now()
    if (!counted.delete(request)) return
    const path = new URL(request.url()).pathname
    const kind = byteKind(request, path)
    files.push(
      (async () => {
        const reported = (await request.sizes()).responseBodySize
        const response = await request.response()
        const bytes =
          reported === 0 && response?.status() === 200 && request.resourceType() === 'script'
            ? workerScriptBytes(
                siteDir,
                path,
                (await response.headerValue('content-encoding')) ?? undefined,
              )
            : reported
        return { path, kind, bytes, reported }
      })(),
    )
  })
  context.on('requestfailed', (request) => {
    inflight.delete(request)
    counted.delete(request)
    lastChange = Date.now()
  })
  return {
    start() {
      counting = true
    },
    /** Resolves once no request has been pending for `quietMs`. */
    async quiet(quietMs: number): Promise<void> {
      const deadline = Date.now() + LOAD_TIMEOUT_MS
      while (inflight.size > 0 || Date.now() - lastChange < quietMs) {
        if (Date.now() > deadline) throw new Error(`${inflight.size} requests still pending`)
        await new Promise((resolveWait) => setTimeout(resolveWait, 50))
      }
    },
    stop(): Promise<FileBytes[]> {
      counting = false
      return Promise.all(files)
    },
  }
}

/** One first visit of `url`: a fresh context, the app ready, then the network quiet for 1 s. */
async function measureLoad(
  browser: Browser,
  url: string,
  siteDir: string,
  encoding: Encoding,
): Promise<Load> {
  // Service workers blocked: a first visit, with nothing installed.
  const context = await browser.newContext({
    serviceWorkers: 'block',
    ...(encoding === 'gzip' ? { extraHTTPHeaders: { 'Accept-Encoding': 'gzip' } } : {}),
  })
  try {
    const counter = countTransfers(context)
    const recorder = recordFiles(context, siteDir)
    counter.start()
    recorder.start()
    const page = await context.newPage()
    await page.goto(url, { timeout: LOAD_TIMEOUT_MS })
    await page.locator(APP_READY_SELECTOR).waitFor({ timeout: LOAD_TIMEOUT_MS })
    await recorder.quiet(QUIET_MS)
    const heading = await page
      .locator('h1')
      .first()
      .textContent({ timeout: 5_000 })
      .catch(() => null)
    const transfers = await counter.stop()
    const files = await recorder.stop()
    const byKind: Record<ByteKind, number> = { html: 0, js: 0, css: 0, data: 0, other: 0 }
    for (const file of files) byKind[file.kind] += file.bytes
    const counted = Object.values(transfers.bytes).reduce((sum, bytes) => sum + bytes, 0)
    const reported = files.reduce((sum, file) => sum + file.reported, 0)
    if (reported !== counted || files.length !== transfers.requests) {
      throw new Error(`${url}: files add up to ${reported} bytes, countTransfers to ${counted}`)
    }
    const total = Object.values(byKind).reduce((sum, bytes) => sum + bytes, 0)
    files.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
    return {
      total,
      byKind,
      requests: files.length,
      files,
      heading: heading?.trim() ?? null,
    }
  } finally {
    await context.close()
  }
}

/** The canonical path of article `id` in a built site (its prerendered page's canonical link). */
function articlePathIn(siteDir: string, id: string): string | null {
  const folder = join(siteDir, 'articles', id)
  const candidates = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.html'))
        .map((name) => ({ file: join(folder, name), path: `/articles/${id}/${name.slice(0, -5)}` }))
    : []
  const bare = join(siteDir, 'articles', `${id}.html`)
  if (existsSync(bare)) candidates.push({ file: bare, path: `/articles/${id}` })
  for (const candidate of candidates) {
    const html = readFileSync(candidate.file, 'utf8')
    const canonical = /<link[^>]*rel="canonical"[^>]*href="([^"]+)"/.exec(html)?.[1]
    if (canonical !== undefined) return new URL(canonical, 'http://site.invalid').pathname
  }
  return candidates[0]?.path ?? null
}

/** The first link to a source page on the site's home, as served. */
async function sourcePathOf(origin: string): Promise<string | null> {
  const html = await (await fetch(`${origin}/`)).text()
  const href = /href="(\/sources\/[^"?#]+)"/.exec(html)?.[1]
  return href ?? null
}

type Article = { id: string; title: string; word: string }

async function routePaths(
  origin: string,
  siteDir: string,
  article: Article,
): Promise<Record<RouteId, string | null>> {
  return {
    home: '/',
    source: await sourcePathOf(origin),
    article: articlePathIn(siteDir, article.id),
    search: `/search?q=${encodeURIComponent(article.word)}`,
    saved: '/saved',
    history: '/history',
  }
}

function group(bytes: number): string {
  return Math.round(bytes).toLocaleString('en-US')
}

function signed(bytes: number): string {
  return `${bytes > 0 ? '+' : bytes < 0 ? '−' : '±'}${group(Math.abs(bytes))}`
}

function medianOf(measured: Measured | undefined, pick: (load: Load) => number): number | null {
  if (measured === undefined || measured.na || measured.loads.length === 0) return null
  return median(measured.loads.map(pick))
}

function totalsTable(sites: readonly Site[], results: Results, baseline: Site | null): string {
  const headers = ['route', ...sites.map((site) => site.label)]
  const rows = ROUTE_IDS.map((route) => {
    const base =
      baseline === null ? null : medianOf(results.get(baseline.label)?.get(route), (l) => l.total)
    return [
      route,
      ...sites.map((site) => {
        const total = medianOf(results.get(site.label)?.get(route), (l) => l.total)
        if (total === null) return 'n/a'
        if (base === null || site === baseline) return group(total)
        return `${group(total)} (${signed(total - base)})`
      }),
    ]
  })
  const align: Align[] = ['left', ...sites.map((): Align => 'right')]
  return markdownTable(headers, rows, align)
}

function growthTable(measured: Site, baselines: readonly Site[], results: Results): string {
  const rows: string[][] = []
  for (const route of ROUTE_IDS) {
    const now = medianOf(results.get(measured.label)?.get(route), (l) => l.total)
    for (const baseline of baselines) {
      const before = medianOf(results.get(baseline.label)?.get(route), (l) => l.total)
      if (now === null || before === null) {
        rows.push([route, baseline.label, 'n/a', 'n/a', ...LIMITS.map(() => 'n/a')])
        continue
      }
      const growth = now - before
      rows.push([
        route,
        baseline.label,
        signed(growth),
        `${((growth / before) * 100).toFixed(1)} %`,
        ...LIMITS.map((limit) =>
          growth > limit ? `**over** by ${group(growth - limit)}` : 'within',
        ),
      ])
    }
  }
  const headers = [
    'route',
    'baseline',
    `growth of ${measured.label} (bytes)`,
    'growth',
    ...LIMITS.map((limit) => `> ${group(limit)} B`),
  ]
  return markdownTable(headers, rows, ['left', 'left', 'right', 'right', 'left', 'left'])
}

function kindsTable(sites: readonly Site[], results: Results): string {
  const rows: string[][] = []
  for (const route of ROUTE_IDS) {
    for (const site of sites) {
      const measured = results.get(site.label)?.get(route)
      if (medianOf(measured, (l) => l.total) === null) {
        rows.push([route, site.label, ...KINDS.map(() => 'n/a'), 'n/a', 'n/a'])
        continue
      }
      const cell = (pick: (load: Load) => number) => group(medianOf(measured, pick) ?? Number.NaN)
      rows.push([
        route,
        site.label,
        ...KINDS.map((kind) => cell((load) => load.byKind[kind])),
        cell((load) => load.total),
        cell((load) => load.requests),
      ])
    }
  }
  const align: Align[] = ['left', 'left', ...KINDS.map((): Align => 'right'), 'right', 'right']
  return markdownTable(['route', 'site', ...KINDS, 'total', 'requests'], rows, align)
}

function pathsTable(sites: readonly Site[], results: Results): string {
  const rows = ROUTE_IDS.map((route) => [
    route,
    ...sites.map((site) => {
      const measured = results.get(site.label)?.get(route)
      if (measured?.path == null) return 'none'
      const heading = measured.loads[0]?.heading ?? 'no h1'
      return `\`${measured.path}\`${measured.na ? ` (h1 "${heading}": n/a)` : ''}`
    }),
  ])
  return markdownTable(['route', ...sites.map((site) => site.label)], rows)
}

function filesSection(sites: readonly Site[], results: Results): string {
  const parts: string[] = []
  for (const route of ROUTE_IDS) {
    for (const site of sites) {
      const measured = results.get(site.label)?.get(route)
      const load = measured?.loads[0]
      if (measured === undefined || measured.na || load === undefined) continue
      const rows = load.files.map((file) => [
        `\`${file.path}\``,
        file.kind,
        `${group(file.bytes)}${file.bytes === file.reported ? '' : ' (worker script, from the site)'}`,
      ])
      parts.push(
        `#### ${route} on ${site.label} (first run)\n\n${markdownTable(['file', 'kind', 'bytes'], rows, ['left', 'left', 'right'])}`,
      )
    }
  }
  return parts.join('\n\n')
}

/** Routes whose bytes differed between runs, with their spread. */
function variations(sites: readonly Site[], results: Results): string[] {
  const notes: string[] = []
  for (const site of sites) {
    for (const route of ROUTE_IDS) {
      const totals =
        results
          .get(site.label)
          ?.get(route)
          ?.loads.map((load) => load.total) ?? []
      const low = Math.min(...totals)
      const high = Math.max(...totals)
      if (totals.length > 1 && low !== high) {
        notes.push(`${route} on ${site.label}: ${totals.map(group).join(', ')} bytes`)
      }
    }
  }
  return notes
}

type Run = {
  options: Options
  sites: Site[]
  results: Results
  article: Article
  loadAtStart: string
  loadAtEnd: string
  startedAt: Date
}

/** Where a worker script's bytes came from the site rather than from Playwright. */
function correctedNote(sites: readonly Site[], results: Results): string {
  const paths = new Set<string>()
  for (const site of sites) {
    for (const measured of results.get(site.label)?.values() ?? []) {
      for (const load of measured.loads) {
        for (const file of load.files) if (file.bytes !== file.reported) paths.add(file.path)
      }
    }
  }
  if (paths.size === 0) return ''
  return `; Playwright reports a dedicated worker's main script as 0 bytes (it finishes loading in the worker), so ${[...paths].map((path) => `\`${path}\``).join(', ')} counted as the server sends it (its .br copy, or gzip)`
}

function report(run: Run): string {
  const { options, sites, results, article } = run
  const [measured, ...baselines] = sites
  if (measured === undefined) throw new Error('no site measured')
  const first = baselines[0] ?? null
  const varied = variations(sites, results)
  const out = [
    `## Bytes of a first visit (bench:bytes), ${run.startedAt.toISOString().slice(0, 10)}`,
    '',
    `Corpus ${options.corpusDir}; ${options.runs} run(s) per route and site, medians. A fresh context per load (service workers blocked), until the app is ready and no request was pending for ${QUIET_MS / 1000} s; response bodies as transferred by scripts/site/serve.ts (${options.encoding === 'br' ? "the browser accepting Brotli: the build's .br copies, gzip for the rest" : 'the browser accepting gzip only'}), headers not counted${correctedNote(sites, results)}. Article ${article.id} ("${article.title}"), searched for "${article.word}".`,
    '',
    `Sites: ${sites.map((site) => `${site.label} = ${site.dir}`).join('; ')}.`,
    '',
    `### Total bytes per route${first === null ? '' : ` (in brackets: the difference to ${first.label})`}`,
    '',
    totalsTable(sites, results, first),
  ]
  if (baselines.length > 0) {
    out.push('', `### Growth of ${measured.label} against #21's 6 kB`, '')
    out.push(growthTable(measured, baselines, results))
  }
  out.push('', '### By kind (bytes)', '', kindsTable(sites, results))
  out.push('', '### Paths', '', pathsTable(sites, results))
  if (options.files) out.push('', '### Files', '', filesSection(sites, results))
  out.push(
    '',
    varied.length === 0
      ? `Bytes were the same in every run.`
      : `Bytes varied between runs: ${varied.join('; ')}.`,
    '',
    `Machine: ${machineLine()}. Load average (1 min): ${run.loadAtStart} at the start, ${run.loadAtEnd} at the end. ${run.startedAt.toISOString()}.`,
  )
  return out.join('\n')
}

async function measureSites(
  browser: Browser,
  sites: readonly Site[],
  servers: ReadonlyMap<string, Server>,
  article: Article,
  { runs, encoding }: Pick<Options, 'runs' | 'encoding'>,
): Promise<Results> {
  const results: Results = new Map()
  const paths = new Map<string, Record<RouteId, string | null>>()
  for (const site of sites) {
    const server = servers.get(site.label)
    if (server === undefined) throw new Error(`no server for ${site.label}`)
    paths.set(site.label, await routePaths(server.origin, site.dir, article))
    results.set(site.label, new Map())
  }
  for (let run = 1; run <= runs; run += 1) {
    for (const route of ROUTE_IDS) {
      // Sites interleaved within a run: what the machine does meanwhile touches them alike.
      for (const site of sites) {
        const path = paths.get(site.label)?.[route] ?? null
        const byRoute = results.get(site.label)
        if (byRoute === undefined) continue
        const measured = byRoute.get(route) ?? { path, loads: [], na: false }
        byRoute.set(route, measured)
        if (path === null) continue
        const origin = servers.get(site.label)?.origin ?? ''
        const load = await measureLoad(browser, `${origin}${path}`, site.dir, encoding)
        measured.loads.push(load)
        measured.na ||= OPTIONAL_ROUTES.has(route) && /not found/i.test(load.heading ?? '')
        log(`run ${run}/${runs} ${route} ${site.label}: ${group(load.total)} bytes`)
      }
    }
  }
  return results
}

function sitesToMeasure(options: Options): Site[] {
  const measured: Site =
    options.siteDir !== null
      ? { label: basename(options.siteDir), dir: options.siteDir }
      : {
          label: 'working tree',
          dir: cachedSite({ corpusDir: options.corpusDir, name: basename(options.corpusDir) }).dir,
        }
  const sites = [measured, ...options.baselines.map((dir) => ({ label: basename(dir), dir }))]
  const labels = new Set<string>()
  for (const site of sites) {
    while (labels.has(site.label)) site.label = `${site.label}'`
    labels.add(site.label)
  }
  return sites
}

async function main(): Promise<void> {
  const options = parseCommandLine()
  const startedAt = new Date()
  const loadAtStart = loadAverage()
  const sites = sitesToMeasure(options)
  const [measured] = sites
  if (measured === undefined) throw new Error('no site to measure')
  const picked = pickArticle(measured.dir)
  const article: Article = { id: picked.id, title: picked.title, word: searchWord(picked.title) }
  const servers = new Map<string, Server>()
  let browser: Browser | undefined
  try {
    for (const site of sites) {
      servers.set(
        site.label,
        await startServer({ root: ROOT, dir: site.dir, port: await freePort() }),
      )
    }
    browser = await launchChromium()
    const results = await measureSites(browser, sites, servers, article, options)
    const loadAtEnd = loadAverage()
    const run = { options, sites, results, article, loadAtStart, loadAtEnd, startedAt }
    process.stdout.write(`${report(run)}\n`)
  } finally {
    await browser?.close()
    for (const server of servers.values()) server.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exitCode = 1
})
