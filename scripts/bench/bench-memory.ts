/**
 * npm run bench:memory [-- --corpus DIR | --generated N] [--opens 300] [--searches 100]
 *
 * A long reading session in one tab: builds the site (default corpus ../shared/corpora/wikinews,
 * or a generated corpus of N articles cached in bench-out/), serves it like `npm start`, opens the
 * home page in headless Chromium, then opens --opens articles (a seeded shuffle of the corpus,
 * cycled, so a small corpus is revisited) and runs --searches searches (a title word typed into the
 * header's search box), one search after every three articles. Every move is the app's own
 * client-side navigation: articles through the router's history listener (history.pushState and
 * a popstate event, as Back and Forward do), searches by typing; nothing reloads the page, so the
 * heap is the one tab's. The JS heap is measured (CDP Runtime.getHeapUsage, after
 * HeapProfiler.collectGarbage twice), the page's plus its dedicated workers' (the search engine
 * and the index files it loaded live in the search worker), at the start, once the article and search code has loaded,
 * every 100 moves, and at the end back on the home page. Prints a markdown table and the retained
 * growth against the target (under 30 MB); exits 1 when it is missed.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import type { CDPSession, Page } from '@playwright/test'
import { dataPaths, type ListItem } from '../../src/lib/corpus/compiled.ts'
import { paths } from '../../src/config/paths.ts'
import { seededRandom } from '../../src/lib/seeded-random.ts'
import { launchChromium } from './browser.ts'
import { isRecord, log, markdownTable, readOptions, secondsSince } from './common.ts'
import { BENCH_DIR, ROOT, ensureCorpus } from './corpora.ts'
import { loadAverage, machineLine } from './machine.ts'
import { buildSite, freePort, searchWord, startServer } from './lighthouse/site.ts'

const OUT_DIR = join(BENCH_DIR, 'memory')
const SITE_DIR = join(OUT_DIR, 'site')
const SHARED_CORPUS = resolve(ROOT, '..', 'shared', 'corpora', 'wikinews')
const TARGET_MB = 30
const MB = 1024 * 1024
const SEED = 1
/** How long one view may take to show before the run is abandoned (not a measurement). */
const VIEW_TIMEOUT_MS = 30_000

type Options = { corpusDir: string; label: string; opens: number; searches: number }

type Sample = {
  label: string
  opens: number
  searches: number
  /** The page's and its workers'. */
  usedBytes: number
  totalBytes: number
  workerUsedBytes: number
  nodes: number
  listeners: number
}

function wholeNumber(value: string, name: string): number {
  const n = Number(value.replace(/_/g, ''))
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number, not "${value}"`)
  return n
}

const USAGE = `npm run bench:memory [-- --corpus DIR | --generated N] [--opens 300] [--searches 100]

  --corpus DIR     the corpus (default ../shared/corpora/wikinews, else corpus/)
  --generated N    a generated corpus of N articles instead (cached in bench-out/)
  --opens N        article opens in the session (default 300)
  --searches N     searches in the session, one after every three articles (default 100)`

function parseCommandLine(): Options {
  const { values } = readOptions({
    usage: USAGE,
    options: {
      corpus: { type: 'string' },
      generated: { type: 'string' },
      opens: { type: 'string', default: '300' },
      searches: { type: 'string', default: '100' },
    },
  })
  const opens = wholeNumber(values.opens, 'opens')
  const searches = wholeNumber(values.searches, 'searches')
  if (values.corpus !== undefined && values.generated !== undefined) {
    throw new Error('give --corpus or --generated, not both')
  }
  if (values.generated !== undefined) {
    const size = wholeNumber(values.generated, 'generated')
    const { dir } = ensureCorpus(size)
    return { corpusDir: dir, label: `generated, ${size.toLocaleString('en-US')}`, opens, searches }
  }
  const corpusDir =
    values.corpus !== undefined
      ? resolve(values.corpus)
      : existsSync(SHARED_CORPUS)
        ? SHARED_CORPUS
        : join(ROOT, 'corpus')
  if (!existsSync(corpusDir)) throw new Error(`no corpus folder at ${corpusDir}`)
  return { corpusDir, label: relative(ROOT, corpusDir) || '.', opens, searches }
}

function isListItem(value: unknown): value is Pick<ListItem, 'id' | 'slug' | 'title'> {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.slug === 'string' &&
    typeof value.title === 'string'
  )
}

/** Every article of the build, from its home list pages. */
function builtArticles(siteDir: string): Pick<ListItem, 'id' | 'slug' | 'title'>[] {
  const versions = readdirSync(join(siteDir, 'data'))
  if (versions.length !== 1 || versions[0] === undefined) {
    throw new Error(`expected one data version in ${siteDir}/data, found ${versions.length}`)
  }
  const data = join(siteDir, 'data', versions[0])
  const articles: Pick<ListItem, 'id' | 'slug' | 'title'>[] = []
  for (let page = 1; existsSync(join(data, dataPaths.listPage(page))); page += 1) {
    const list: unknown = JSON.parse(readFileSync(join(data, dataPaths.listPage(page)), 'utf8'))
    const items = isRecord(list) ? list.items : undefined
    if (!Array.isArray(items)) throw new Error(`list page ${page} has no items`)
    articles.push(...items.filter(isListItem))
  }
  if (articles.length === 0) throw new Error('the build has no articles')
  return articles
}

function shuffled<T>(items: readonly T[], random: ReturnType<typeof seededRandom>): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1)
    const [a, b] = [copy[i], copy[j]]
    if (a !== undefined && b !== undefined) [copy[i], copy[j]] = [b, a]
  }
  return copy
}

/** `count` distinct queries: the longest word of each title in turn, then pairs of them. */
function searchQueriesFor(titles: readonly string[], count: number): string[] {
  const words = [...new Set(titles.map(searchWord).filter((word) => word.length >= 3))]
  const queries = words.slice(0, count)
  for (let i = 0; queries.length < count && words.length > 1; i += 1) {
    queries.push(`${words[i % words.length]} ${words[(i + 1) % words.length]}`)
  }
  return queries
}

/** Navigates as Back and Forward do: the router's history listener moves to the new URL. */
async function routerNavigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to)
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }))
  }, path)
}

async function openArticle(page: Page, article: Pick<ListItem, 'id' | 'slug' | 'title'>) {
  await routerNavigate(page, paths.article(article.id, article.slug))
  await page
    .getByRole('heading', { level: 1, name: article.title, exact: true })
    .waitFor({ timeout: VIEW_TIMEOUT_MS })
}

async function search(page: Page, q: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(q)
  await page
    .getByRole('heading', { level: 1, name: `Search: ${q}`, exact: true })
    .waitFor({ timeout: VIEW_TIMEOUT_MS })
  // The results of this query are in (not the previous query's, kept dimmed while it runs).
  await page
    .locator('main .search-results[aria-busy="false"]')
    .waitFor({ timeout: VIEW_TIMEOUT_MS })
}

type HeapUsage = { usedSize: number; totalSize: number }

/**
 * The heaps of the browser's dedicated workers, after two forced GCs each. Playwright opens no CDP
 * session on a worker, so the browser's session attaches to each worker target and speaks to it
 * through Target.sendMessageToTarget.
 */
function workerHeaps(browserCdp: CDPSession): () => Promise<HeapUsage> {
  const sessions = new Map<string, string>()
  const waiting = new Map<number, (result: unknown) => void>()
  let nextId = 0
  browserCdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown }
    if (message.id === undefined) return
    waiting.get(message.id)?.(message.result)
    waiting.delete(message.id)
  })
  const send = (sessionId: string, method: string) => {
    const id = nextId++
    const answered = new Promise<unknown>((resolve) => waiting.set(id, resolve))
    void browserCdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method }),
    })
    return answered
  }
  return async () => {
    const { targetInfos } = await browserCdp.send('Target.getTargets')
    const total: HeapUsage = { usedSize: 0, totalSize: 0 }
    for (const target of targetInfos.filter((t) => t.type === 'worker')) {
      let sessionId = sessions.get(target.targetId)
      if (sessionId === undefined) {
        const attached = await browserCdp.send('Target.attachToTarget', {
          targetId: target.targetId,
          flatten: false,
        })
        sessionId = attached.sessionId
        sessions.set(target.targetId, sessionId)
      }
      await send(sessionId, 'HeapProfiler.collectGarbage')
      await send(sessionId, 'HeapProfiler.collectGarbage')
      const heap = (await send(sessionId, 'Runtime.getHeapUsage')) as HeapUsage
      total.usedSize += heap.usedSize
      total.totalSize += heap.totalSize
    }
    return total
  }
}

async function measure(
  cdp: CDPSession,
  workers: () => Promise<HeapUsage>,
  label: string,
  opens: number,
  searches: number,
): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = await cdp.send('Runtime.getHeapUsage')
  const worker = await workers()
  const dom = await cdp.send('Memory.getDOMCounters')
  return {
    label,
    opens,
    searches,
    usedBytes: heap.usedSize + worker.usedSize,
    totalBytes: heap.totalSize + worker.totalSize,
    workerUsedBytes: worker.usedSize,
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
  }
}

function table(samples: readonly Sample[]): string {
  const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`
  return markdownTable(
    [
      'point',
      'articles opened',
      'searches',
      'JS heap used',
      'of it, workers',
      'JS heap total',
      'DOM nodes',
      'listeners',
    ],
    samples.map((s) => [
      s.label,
      String(s.opens),
      String(s.searches),
      mb(s.usedBytes),
      mb(s.workerUsedBytes),
      mb(s.totalBytes),
      String(s.nodes),
      String(s.listeners),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  )
}

async function main(): Promise<boolean> {
  const options = parseCommandLine()
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  rmSync(OUT_DIR, { recursive: true, force: true })
  log(`bench: building ${options.label} for ${origin} …`)
  const buildStarted = performance.now()
  buildSite({ root: ROOT, corpusDir: options.corpusDir, outDir: SITE_DIR, siteUrl: origin })
  const buildSeconds = secondsSince(buildStarted)
  const articles = builtArticles(SITE_DIR)
  const random = seededRandom(SEED)
  const order = shuffled(articles, random)
  const queries = searchQueriesFor(
    order.map((a) => a.title),
    options.searches,
  )
  if (queries.length < options.searches) {
    throw new Error(`only ${queries.length} distinct search words in the titles`)
  }

  const server = await startServer({ root: ROOT, dir: SITE_DIR, port })
  const browser = await launchChromium()
  try {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    const cdp = await context.newCDPSession(page)
    const workers = workerHeaps(await browser.newBrowserCDPSession())
    await page.goto(`${origin}/`)
    await page.locator('html[data-app-ready="true"]').waitFor({ timeout: VIEW_TIMEOUT_MS })
    await page.getByRole('heading', { level: 1 }).waitFor({ timeout: VIEW_TIMEOUT_MS })

    const samples: Sample[] = [await measure(cdp, workers, 'start (home page)', 0, 0)]
    const started = performance.now()
    let opens = 0
    let searches = 0
    const moves = options.opens + options.searches
    // The first article and the first search load their route code and the search index root.
    let warm = false
    for (let move = 1; move <= moves; move += 1) {
      const searchNow = searches < options.searches && (opens >= options.opens || move % 4 === 0)
      if (searchNow) {
        await search(page, queries[searches] ?? '')
        searches += 1
      } else {
        const article = order[opens % order.length]
        if (article === undefined) throw new Error('no article to open')
        await openArticle(page, article)
        opens += 1
      }
      if (!warm && opens > 0 && searches > 0) {
        warm = true
        samples.push(
          await measure(cdp, workers, 'code loaded (1st article and search)', opens, searches),
        )
      }
      if (move % 100 === 0 && move < moves) {
        samples.push(await measure(cdp, workers, `after ${move} moves`, opens, searches))
      }
    }
    const sessionSeconds = secondsSince(started)
    await routerNavigate(page, paths.home())
    await page.locator('main .article-list').first().waitFor({ timeout: VIEW_TIMEOUT_MS })
    samples.push(await measure(cdp, workers, 'end (back on the home page)', opens, searches))

    const [first] = samples
    const last = samples.at(-1)
    const loaded = samples.find((s) => s.label.startsWith('code loaded'))
    if (!first || !last) throw new Error('no samples')
    const growthMb = (last.usedBytes - first.usedBytes) / MB
    const sinceLoadedMb = loaded ? (last.usedBytes - loaded.usedBytes) / MB : Number.NaN
    const met = growthMb < TARGET_MB
    console.log(
      [
        '## Long-session memory benchmark',
        '',
        `Machine: ${machineLine()}, load ${loadAverage()}; Chromium ${browser.version()} headless`,
        `Corpus: ${options.label} (${articles.length} articles); built in ${buildSeconds.toFixed(0)} s; ${opens} article opens and ${searches} searches in one tab in ${sessionSeconds.toFixed(0)} s (client-side navigation only). Heap after two forced GCs (CDP). MB = 2^20 bytes.`,
        '',
        table(samples),
        '',
        `Retained growth, start to end: ${growthMb.toFixed(1)} MB (target < ${TARGET_MB} MB: ${met ? 'met' : 'MISSED'}); after the code and index root loaded: ${sinceLoadedMb.toFixed(1)} MB.`,
        errors.length > 0
          ? `Page errors: ${errors.length} (first: ${errors[0]})`
          : 'Page errors: none',
      ].join('\n'),
    )
    return met && errors.length === 0
  } finally {
    await browser.close()
    server.stop()
  }
}

main().then(
  (ok) => {
    process.exitCode = ok ? 0 : 1
  },
  (cause: unknown) => {
    console.error(`bench: ${cause instanceof Error ? cause.message : String(cause)}`)
    process.exitCode = 1
  },
)
