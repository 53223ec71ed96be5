/**
 * The prerender step of the build: writes a real HTML page for every article (and the list pages)
 * whose head carries that page's title, description, canonical link, Open Graph, Twitter card and
 * JSON-LD, and whose body is the app's own markup, rendered by the same React components; then the
 * sitemap, robots.txt and the RSS and Atom feeds. Reads the compiled data the build just wrote.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { paths } from '../../src/config/paths.ts'
import { site } from '../../src/config/site.ts'
import { dataPaths, type ListItem } from '../../src/lib/corpus/compiled.ts'
import { isArticleData, isListPage, isManifest } from '../../src/features/articles/api/validate.ts'
import type { Rendered, Seed } from '../../src/entry-server.tsx'
import { escapeHtml } from './escape.ts'
import { atomFeed, robotsTxt, rssFeed, sitemaps } from './discovery.ts'
import { headTags, type PageMeta } from './head.ts'

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

type RenderPage = (path: string, seed: Seed) => Promise<Rendered>

const FEED_SIZE = 50

export async function prerender(options: PrerenderOptions): Promise<PrerenderSummary> {
  const started = performance.now()
  const { outDir, siteUrl } = options
  const base = options.basePath.replace(/\/$/, '')
  const entry: unknown = await import(pathToFileURL(options.ssrEntry).href)
  const renderPage = readRenderPage(entry)
  const template = readFileSync(join(outDir, 'index.html'), 'utf8')
  // The bare app, for every URL that has no page of its own (the SPA fallback).
  writeFileSync(join(outDir, 'shell.html'), template)

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

  // The home page: the first list page is index.html.
  const home = read(dataPaths.listPage(1), isListPage)
  write(
    'index.html',
    assemble(
      template,
      await renderPage('/', { manifest, page: { params: { page: 1, source: null }, data: home } }),
      headTags({
        title: `Latest news · ${site.name}`,
        description: site.description,
        url: absolute('/'),
        type: 'website',
      }),
    ),
  )

  // The first page of each source.
  for (const source of manifest.sources) {
    const list = read(dataPaths.sourcePage(source.slug, 1), isListPage)
    const path = paths.source(source.slug)
    const rendered = await renderPage(path, {
      page: { params: { page: 1, source: source.slug }, data: list },
    })
    const meta: PageMeta = {
      title: `${source.name} · ${site.name}`,
      description: `Articles from ${source.name}, newest first.`,
      url: absolute(path),
      type: 'website',
    }
    write(`sources/${source.slug}.html`, assemble(template, rendered, headTags(meta)))
  }

  // Every article, in list order, at its canonical URL, and its short URL leading there.
  const items: ListItem[] = []
  for (let page = 1; page <= manifest.pageCount; page++) {
    items.push(...read(dataPaths.listPage(page), isListPage).items)
  }
  for (const item of items) {
    const article = read(dataPaths.article(item.id), isArticleData)
    const path = paths.article(article.id, article.slug)
    const meta: PageMeta = {
      title: article.title,
      description: article.excerpt,
      url: absolute(path),
      type: 'article',
      published: article.date,
      source: article.source,
      author: article.author,
      language: article.language,
    }
    const rendered = await renderPage(path, { article })
    write(
      `articles/${article.id}/${article.slug}.html`,
      assemble(template, rendered, headTags(meta)),
    )
    write(
      `articles/${article.id}.html`,
      redirectPage(`${base}${path}`, rendered.head, headTags(meta)),
    )
  }

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
  return { pages, seconds: (performance.now() - started) / 1000 }
}

function readRenderPage(entry: unknown): RenderPage {
  if (typeof entry === 'object' && entry !== null && 'renderPage' in entry) {
    const render = entry.renderPage
    // The bundle is this build's own src/entry-server.tsx.
    if (typeof render === 'function') return (path, seed) => render(path, seed) as Promise<Rendered>
  }
  throw new Error('the server bundle does not export renderPage')
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

/** The template with the page's head and markup in place. Replacements are functions: article
 * text may hold `$&` and the like, which a replacement string would interpret. */
function assemble(template: string, rendered: Rendered, extraHead: string): string {
  return template
    .replace(/<title>[\s\S]*?<\/title>/, () => `${rendered.head}\n    ${extraHead}`)
    .replace(/\s*<noscript>[\s\S]*?<\/noscript>/, () => '')
    .replace(
      '<div id="root"></div>',
      () =>
        `<div id="root">${rendered.body}</div>\n    <script type="application/json" id="prerendered-state">${rendered.stateJson}</script>`,
    )
}

/** The short URL /articles/<id>: the story's head for link previews, and a redirect. */
function redirectPage(target: string, head: string, extraHead: string): string {
  const href = escapeHtml(target)
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    ${head}
    ${extraHead}
    <meta http-equiv="refresh" content="0; url=${href}" />
  </head>
  <body>
    <p><a href="${href}">Continue to the article</a></p>
  </body>
</html>
`
}
