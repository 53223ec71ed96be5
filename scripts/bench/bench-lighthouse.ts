/**
 * npm run bench:lighthouse [-- --corpus DIR] [--runs N] [--article ID] [--host serve|plain]
 *
 * Builds the site from a corpus (into bench-out/lighthouse/site, for the origin it is served on),
 * serves it with scripts/site/serve.ts (with --host plain, from a build without its Brotli copies,
 * so that every text file goes out gzipped as from a plain gzip static host), and runs
 * Lighthouse's mobile preset in Debian Chromium (CHROMIUM_PATH to change) on the home page, an
 * article deep link, a search deep link for a word of that article's title, and two floors: the
 * same article as static HTML with the site's CSS and no JavaScript (floor.html, the practical
 * floor), and with no CSS either (plain.html, issue #22's floor). Each page is measured --runs
 * times (default 5: on a 2-core machine one run in three or four has Lighthouse's own work
 * competing with the page, and a median of three is then one bad run away from a bad figure),
 * the runs interleaved across pages, each run a process of its own, and the median of each figure
 * is reported: a markdown table, the article's LCP over the floor's, the article's and the search
 * deep link's over the plain floor's, the targets met or missed, and the audits that cost points.
 * The full Lighthouse results are kept in bench-out/lighthouse/reports/. Exits 1 when a target is
 * missed.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { browserPath } from '../test/browser.ts'
import { log, median, readOptions } from './common.ts'
import { writeFloorPage } from './lighthouse/floor-page.ts'
import {
  plainFloorChecks,
  plainFloorLines,
  plainFloorRatios,
  writePlainFloorPage,
} from './lighthouse/plain-floor.ts'
import { renderedDom, runLighthouseIsolated } from './lighthouse/run-lighthouse.ts'
import {
  buildSite,
  freePort,
  pickArticle,
  searchWord,
  startServer,
  type BenchArticle,
} from './lighthouse/site.ts'
import {
  checkTargets,
  failingAuditsReport,
  formatSeconds,
  lighthouseTable,
  pageMedians,
  summarizeRun,
  TARGETS,
  type PageResult,
} from './lighthouse/summarize.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const OUT_DIR = join(ROOT, 'bench-out', 'lighthouse')
const SITE_DIR = join(OUT_DIR, 'site')
const REPORTS_DIR = join(OUT_DIR, 'reports')
const SHARED_CORPUS = resolve(ROOT, '..', 'shared', 'corpora', 'wikinews')

const USAGE = `npm run bench:lighthouse [-- --corpus DIR] [--runs N] [--article ID] [--host serve|plain]

  --corpus DIR   the corpus to build (default ../shared/corpora/wikinews, else corpus/)
  --runs N       Lighthouse runs per page, interleaved across pages (default 5)
  --article ID   the article to deep-link (16 hex characters; default one the site picks)
  --host HOST    serve: scripts/site/serve.ts as npm start runs it, the build's Brotli copies for
                 scripts and stylesheets, gzip for the rest (default); plain: the same server with
                 the Brotli copies deleted, so everything is gzipped, as a plain gzip static host does`

const HOSTS = ['serve', 'plain'] as const

type Host = (typeof HOSTS)[number]

type Options = { corpusDir: string; runs: number; articleId: string | undefined; host: Host }

function isHost(value: string): value is Host {
  return HOSTS.some((host) => host === value)
}

function parseCommandLine(): Options {
  const { values } = readOptions({
    usage: USAGE,
    options: {
      corpus: { type: 'string' },
      runs: { type: 'string', default: '5' },
      article: { type: 'string' },
      host: { type: 'string', default: 'serve' },
    },
  })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs must be a whole number of at least 1, not "${values.runs}"`)
  }
  const corpusDir =
    values.corpus === undefined
      ? existsSync(SHARED_CORPUS)
        ? SHARED_CORPUS
        : join(ROOT, 'corpus')
      : resolve(values.corpus)
  if (!existsSync(corpusDir)) throw new Error(`no corpus folder at ${corpusDir}`)
  if (values.article !== undefined && !/^[0-9a-f]{16}$/.test(values.article)) {
    throw new Error(`--article must be an article id (16 hex characters), not "${values.article}"`)
  }
  if (!isHost(values.host)) {
    throw new Error(`--host must be ${HOSTS.join(' or ')}, not "${values.host}"`)
  }
  return { corpusDir, runs, articleId: values.article, host: values.host }
}

function decodeText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The first h1 of the page once its scripts ran, or null. */
function renderedHeading(url: string): string | null {
  const match = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(renderedDom(url))
  return match?.[1] === undefined ? null : decodeText(match[1])
}

function elapsed(since: number): string {
  const seconds = Math.round((performance.now() - since) / 1000)
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}

/** The site built for `origin`, and the pages to measure: home, article, search, the floors. */
type Site = {
  buildTime: string
  article: BenchArticle
  word: string
  floorPath: string
  plainPath: string
  /** How many Brotli copies --host plain deleted (0 for --host serve). */
  brotliRemoved: number
  pages: PageResult[]
  articlePage: PageResult
  searchPage: PageResult
  floorPage: PageResult
  plainPage: PageResult
}

/** Deletes the build's `.br` copies, so that the server gzips every text file; returns how many. */
function removeBrotliCopies(dir: string): number {
  const copies = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.br'),
  )
  for (const file of copies) rmSync(join(dir, file))
  return copies.length
}

function prepareSite(options: Options, origin: string): Site {
  rmSync(OUT_DIR, { recursive: true, force: true })
  mkdirSync(REPORTS_DIR, { recursive: true })
  log(`building ${relative(ROOT, options.corpusDir) || '.'} for ${origin} …`)
  const buildStarted = performance.now()
  buildSite({ root: ROOT, corpusDir: options.corpusDir, outDir: SITE_DIR, siteUrl: origin })
  const buildTime = elapsed(buildStarted)

  const article = pickArticle(SITE_DIR, options.articleId)
  const articlePath = `/articles/${article.id}/${article.slug}`
  const word = searchWord(article.title)
  const floorPath = writeFloorPage({ siteDir: SITE_DIR, article, articlePath, origin })
  const plainPath = writePlainFloorPage({ siteDir: SITE_DIR, article, origin })
  const brotliRemoved = options.host === 'plain' ? removeBrotliCopies(SITE_DIR) : 0
  const newPage = (id: string, label: string, path: string, hasTargets = true): PageResult => ({
    id,
    label,
    path,
    hasTargets,
    runs: [],
    notes: [],
  })
  const articlePage = newPage('article', 'article', articlePath)
  const searchPage = newPage('search', 'search', `/search?q=${encodeURIComponent(word)}`)
  const floorPage = newPage('floor', 'floor (no JS)', floorPath, false)
  const plainPage = newPage('plain', 'plain floor (no CSS, no JS)', plainPath, false)
  const pages = [newPage('home', 'home', '/'), articlePage, searchPage, floorPage, plainPage]
  return {
    buildTime,
    article,
    word,
    floorPath,
    plainPath,
    brotliRemoved,
    pages,
    articlePage,
    searchPage,
    floorPage,
    plainPage,
  }
}

/** Each page's first h1 once its scripts ran, noting a search page that renders not-found. */
function renderedHeadings(
  origin: string,
  pages: readonly PageResult[],
): Map<string, string | null> {
  const headings = new Map<string, string | null>()
  for (const view of pages) {
    const heading = renderedHeading(`${origin}${view.path}`)
    headings.set(view.id, heading)
    if (view.id === 'search' && (heading === null || /not found/i.test(heading))) {
      view.notes.push(
        `\`/search\` renders the not-found view (h1 "${heading ?? 'none'}"): there is no search route yet; measured anyway.`,
      )
    }
  }
  return headings
}

/** `runs` Lighthouse runs of every page, interleaved, each summary added to its page. */
async function measurePages(origin: string, pages: readonly PageResult[], runs: number) {
  for (let run = 1; run <= runs; run += 1) {
    for (const page of pages) {
      const runStarted = performance.now()
      const report = join(REPORTS_DIR, `${page.id}-${run}.json`)
      const lhr = await runLighthouseIsolated(`${origin}${page.path}`, report)
      const summary = summarizeRun(lhr)
      page.runs.push(summary)
      log(
        `run ${run}/${runs} ${page.label}: performance ${summary.scores.performance ?? 'n/a'}, LCP ${formatSeconds(summary.lcpMs)} (${elapsed(runStarted)})`,
      )
    }
  }
}

type Measured = {
  options: Options
  site: Site
  origin: string
  chromium: string
  headings: ReadonlyMap<string, string | null>
  loadAtStart: number
}

function hostText(host: Host, brotliRemoved: number): string {
  return host === 'plain'
    ? `as a plain gzip static host (--host plain: ${brotliRemoved} Brotli copies deleted, every text file gzipped as it is sent)`
    : 'Brotli copies for scripts and stylesheets, gzip for the rest'
}

/** The report and whether every target was met. */
function report({ options, site, origin, chromium, headings, loadAtStart }: Measured) {
  const { pages, article, articlePage, searchPage, floorPage, plainPage } = site
  const articleLcp = pageMedians(articlePage).lcpMs
  const floorLcp = pageMedians(floorPage).lcpMs
  const ratio = articleLcp / floorLcp
  const plainRatios = plainFloorRatios({
    article: articlePage,
    search: searchPage,
    plain: plainPage,
  })
  const checks = [...checkTargets(pages, ratio), ...plainFloorChecks(plainRatios)]
  const missed = checks.filter((check) => !check.met)
  const firstRun = pages[0]?.runs[0]
  const benchmarkIndexes = pages.flatMap((page) =>
    page.runs.flatMap((r) => (r.benchmarkIndex === null ? [] : [r.benchmarkIndex])),
  )
  const warnings = new Set(pages.flatMap((page) => page.runs.flatMap((r) => r.warnings)))

  const out: string[] = [
    `## Lighthouse, mobile preset (simulated throttling), median of ${options.runs} run${options.runs === 1 ? '' : 's'}`,
    '',
    `- corpus: ${relative(ROOT, options.corpusDir) || '.'}; site built in ${site.buildTime}, served by scripts/site/serve.ts at ${origin}, ${hostText(options.host, site.brotliRemoved)}`,
    `- article: "${article.title}" (${article.id}, ${article.paragraphs.length} paragraphs, ${article.readingMinutes} min read); search word: "${site.word}"`,
    `- floor: ${site.floorPath}, the same title and paragraphs as static HTML with the site's stylesheet and no JavaScript`,
    `- plain floor: ${site.plainPath}, the same title and paragraphs as static HTML with no stylesheet, no style and no script (issue #22's floor)`,
    `- Lighthouse ${firstRun?.lighthouseVersion ?? '?'}, Chromium ${firstRun?.chromeVersion ?? '?'} (${chromium}); median benchmarkIndex ${Math.round(median(benchmarkIndexes))} (CPU speed of this machine)`,
    `- 1-minute load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end, on ${availableParallelism()} cores: simulated throttling scales the CPU time measured here, so other load inflates TBT and can push the first paint after the scripts`,
    '',
    lighthouseTable(pages),
    '',
    `Article LCP / floor LCP: ${formatSeconds(articleLcp)} / ${formatSeconds(floorLcp)} = **${ratio.toFixed(2)}x** (target <= ${TARGETS.lcpRatio}x)`,
    '',
    'Over the plain floor (issue #22):',
    '',
    ...plainFloorLines(plainRatios),
    '',
    '### Rendered views (first h1 once scripts ran)',
    '',
    ...pages.map((page) => `- ${page.label}: ${JSON.stringify(headings.get(page.id) ?? null)}`),
    ...pages.flatMap((page) => page.notes.map((note) => `- **note**: ${note}`)),
    '',
    '### Runs',
    '',
    ...pages.map((page) => {
      const perf = page.runs.map((r) => r.scores.performance ?? 'n/a').join('/')
      const lcp = page.runs.map((r) => (r.lcpMs / 1000).toFixed(2)).join('/')
      const fcp = page.runs.map((r) => (r.fcpMs / 1000).toFixed(2)).join('/')
      const element = page.runs[0]?.lcpElement ?? 'none'
      return `- ${page.label}: performance ${perf}; FCP ${fcp} s; LCP ${lcp} s; LCP element: ${element}`
    }),
    '',
    '### What the LCP waited for (first run)',
    '',
    'Requests finished when the page painted its LCP unthrottled; the simulated LCP includes all of their downloads:',
    '',
    ...[articlePage, searchPage, floorPage, plainPage].map(
      (view) => `- ${view.label}: ${view.runs[0]?.lcpRequests.join(', ') || 'none'}`,
    ),
    '',
    '### Targets',
    '',
    ...checks.map((check) => `- ${check.met ? 'met' : '**missed**'}: ${check.text}`),
    '',
    `${checks.length - missed.length} of ${checks.length} targets met.`,
    '',
  ]
  const failing = failingAuditsReport(pages)
  out.push('## Audits that cost points', '')
  out.push(...(failing.length === 0 ? ['None.', ''] : failing))
  if (warnings.size > 0) {
    out.push('## Lighthouse warnings', '', ...[...warnings].map((w) => `- ${w}`), '')
  }
  return { lines: out, met: missed.length === 0 }
}

async function main(): Promise<boolean> {
  const started = performance.now()
  const loadAtStart = loadavg()[0] ?? 0
  const args = process.argv.slice(2)
  const options = parseCommandLine()
  const chromium = browserPath()
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const site = prepareSite(options, origin)
  const server = await startServer({ root: ROOT, dir: SITE_DIR, port })
  try {
    const headings = renderedHeadings(origin, site.pages)
    await measurePages(origin, site.pages, options.runs)
    const { lines, met } = report({ options, site, origin, chromium, headings, loadAtStart })
    const command = `npm run bench:lighthouse${args.length === 0 ? '' : ` -- ${args.join(' ')}`}`
    lines.push(
      `Took ${elapsed(started)}. Command: \`${command}\`. Full results: ${relative(ROOT, REPORTS_DIR)}/<page>-<run>.json`,
    )
    const text = lines.join('\n')
    writeFileSync(join(OUT_DIR, 'report.md'), `${text}\n`)
    console.log(text)
    return met
  } finally {
    server.stop()
  }
}

try {
  const ok = await main()
  process.exitCode = ok ? 0 : 1
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
process.exit()
