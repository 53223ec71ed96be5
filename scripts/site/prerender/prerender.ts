/**
 * The prerender step of the build: writes a real HTML page for every article (and the list pages)
 * whose head carries that page's title, description, canonical link, Open Graph, Twitter card and
 * JSON-LD, and whose body is the app's own markup, rendered by the same React components; then the
 * sitemap, robots.txt and the RSS and Atom feeds. Reads the compiled data the build just wrote.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { paths } from '../../../src/config/paths.ts'
import { site } from '../../../src/config/site.ts'
import { dataPaths, type ListItem } from '../../../src/lib/corpus/compiled.ts'
import { isListPage, isManifest } from '../../../src/features/articles/api/validate.ts'
import { searchPaths } from '../../../src/lib/search/index-format.ts'
import { renderArticlePages, type ArticlePagesJob } from './article-pages.ts'
import { atomFeed, robotsTxt, rssFeed, sitemaps } from './discovery.ts'
import { assemble, loadRenderPage } from './page-html.ts'
import { checkTemplate } from './page-template.ts'
import { writeRedirectMaps } from './redirects.ts'
import { readViteManifest, searchPageHead, VITE_MANIFEST } from '../startup/preloads.ts'

export type PrerenderOptions = {
  outDir: string
  /** The server-rendering bundle of src/entry-server.tsx. */
  ssrEntry: string
  /** The public URL of the site, base path included, without a trailing slash. */
  siteUrl: string
  /** The base path the site is served under ("/" or "/repo/"). */
  basePath: string
}

export type PrerenderSummary = { pages: number; seconds: number }

const FEED_SIZE = 50
/** Below this many articles, starting worker threads costs more than it saves. */
const PARALLEL_FROM = 2000

export async function prerender(options: PrerenderOptions): Promise<PrerenderSummary> {
  const started = performance.now()
  const { outDir, siteUrl } = options
  const base = options.basePath.replace(/\/$/, '')
  const renderPage = await loadRenderPage(options.ssrEntry)
  // Every page links the feeds from its head.
  const feeds = [
    `<link rel="alternate" type="application/rss+xml" title="${site.name}" href="${base}/rss.xml" />`,
    `<link rel="alternate" type="application/atom+xml" title="${site.name}" href="${base}/atom.xml" />`,
  ].join('\n    ')
  const templateFile = join(outDir, 'index.html')
  const indexHtml = readFileSync(templateFile, 'utf8')
  checkTemplate(indexHtml, templateFile)
  const template = indexHtml.replace('</head>', () => `  ${feeds}\n  </head>`)
  // The bare app, for every URL that has no page of its own (the SPA fallback).
  writeFileSync(join(outDir, 'shell.html'), template)
  writeFileSync(join(outDir, '404.html'), template)

  const dataDir = onlyDataVersion(outDir)
  const read = <T>(path: string, isValid: (value: unknown) => value is T): T => {
    const value: unknown = JSON.parse(readFileSync(join(dataDir, path), 'utf8'))
    if (!isValid(value)) throw new Error(`${join(dataDir, path)} does not have the expected shape`)
    return value
  }
  const manifest = read(dataPaths.manifest(), isManifest)
  let pages = 0
  const write = (file: string, html: string) => {
    const full = join(outDir, file)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, html)
    pages += 1
  }
  const absolute = (path: string) => `${siteUrl}${path}`

  // The home page (the first list page is index.html), the search page, each source's first page.
  const home = read(dataPaths.listPage(1), isListPage)
  const homeSeed = { manifest, page: { params: { page: 1, source: null }, data: home } }
  write('index.html', assemble(template, await renderPage('/', homeSeed), `${base}/`))
  // The search page preloads what its results need (a link to /search?q= is answered with it),
  // and its early script starts a linked query's search while the app downloads.
  const searchHead = searchPageHead(readViteManifest(outDir), {
    base,
    template,
    rootUrl: `${base}/data/${basename(dataDir)}/${searchPaths.root()}`,
  })
  write(
    'search.html',
    assemble(template, await renderPage('/search', homeSeed), `${base}/search`, searchHead),
  )
  for (const source of manifest.sources) {
    const list = read(dataPaths.sourcePage(source.slug, 1), isListPage)
    const path = paths.source(source.slug)
    const rendered = await renderPage(path, {
      page: { params: { page: 1, source: source.slug }, data: list },
    })
    write(`sources/${source.slug}.html`, assemble(template, rendered, `${base}${path}`))
  }

  // Every article, in list order, at its canonical URL, and its short URL leading there.
  const items: ListItem[] = []
  for (let page = 1; page <= manifest.pageCount; page++) {
    items.push(...read(dataPaths.listPage(page), isListPage).items)
  }
  const job: ArticlePagesJob = {
    outDir,
    dataDir,
    ssrEntry: options.ssrEntry,
    base,
    template,
    feeds,
    ids: items.map((i) => i.id),
  }
  pages += await renderInParallel(job)
  writeRedirectMaps(outDir, base, items)

  const urls = [
    absolute('/'),
    ...manifest.sources.map((s) => absolute(paths.source(s.slug))),
    ...items.map((i) => absolute(paths.article(i.id, i.slug))),
  ]
  for (const file of sitemaps(siteUrl, urls)) writeFileSync(join(outDir, file.name), file.content)
  writeFileSync(join(outDir, 'robots.txt'), robotsTxt(siteUrl))
  const built = new Date()
  const latest = items
    .slice(0, FEED_SIZE)
    .map((i) => ({ ...i, url: absolute(paths.article(i.id, i.slug)) }))
  writeFileSync(join(outDir, 'rss.xml'), rssFeed(siteUrl, latest, built))
  writeFileSync(join(outDir, 'atom.xml'), atomFeed(siteUrl, latest, built))
  // The build manifest is read above and is no page of the site; the end-to-end tests keep it
  // (KEEP_BUILD_MANIFEST=1) to find chunks by their source module.
  if (process.env.KEEP_BUILD_MANIFEST !== '1') {
    rmSync(join(outDir, dirname(VITE_MANIFEST)), { recursive: true, force: true })
  }
  return { pages, seconds: (performance.now() - started) / 1000 }
}

function onlyDataVersion(outDir: string): string {
  const versions = readdirSync(join(outDir, 'data'), { withFileTypes: true }).filter((d) =>
    d.isDirectory(),
  )
  if (versions.length !== 1 || !versions[0]) {
    throw new Error(`expected one data version in ${outDir}/data, found ${versions.length}`)
  }
  return join(outDir, 'data', versions[0].name)
}

/** Splits the articles between worker threads, one a core, when there are enough to pay. */
async function renderInParallel(job: ArticlePagesJob): Promise<number> {
  const threads = Math.min(availableParallelism(), 4)
  if (job.ids.length < PARALLEL_FROM || threads < 2) return renderArticlePages(job)
  const size = Math.ceil(job.ids.length / threads)
  const tsx = import.meta.resolve('tsx/esm/api')
  const worker = new URL('./worker.ts', import.meta.url).href
  // Workers start from plain JavaScript, which registers tsx and then loads worker.ts.
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}) })`
  const counts = await Promise.all(
    Array.from({ length: threads }, (_, i) => {
      const workerData: ArticlePagesJob = { ...job, ids: job.ids.slice(i * size, (i + 1) * size) }
      return new Promise<number>((resolve, reject) => {
        const thread = new Worker(bootstrap, { eval: true, workerData })
        thread.once('message', (pages: number) => resolve(pages))
        thread.once('error', reject)
        thread.once('exit', (code) => {
          if (code !== 0) reject(new Error(`a prerender worker exited with code ${code}`))
        })
      })
    }),
  )
  return counts.reduce((a, b) => a + b, 0)
}
