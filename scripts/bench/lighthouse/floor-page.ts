/**
 * The practical floor for the article page: the same article as plain static HTML with no
 * JavaScript, the site's own stylesheet and the same markup classes, so the layout (and the
 * element Lighthouse takes as the largest paint) matches the app's page. (plain-floor.ts writes
 * the other floor, with no stylesheet either.)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { escapeHtml } from '../../site/prerender/escape.ts'
import type { BenchArticle } from './site.ts'

export const FLOOR_FILE = 'floor.html'

/** The stylesheet links of a built page, so the floor loads exactly the CSS the app loads. */
export function stylesheetsOf(html: string): string[] {
  const links = html.match(/<link\b[^>]*\brel="stylesheet"[^>]*>/g) ?? []
  return links.flatMap((link) => {
    const href = /\bhref="([^"]+)"/.exec(link)?.[1]
    return href === undefined ? [] : [href]
  })
}

/** The article's source, date and reading time, as the article page shows them. */
export function metaLine(article: BenchArticle): string {
  const e = escapeHtml
  return [
    article.source === null ? '' : `<span>${e(article.source)}</span>`,
    article.date === null ? '' : `<time datetime="${e(article.date)}">${e(article.date)}</time>`,
    `<span>${article.readingMinutes} min read</span>`,
  ].join('')
}

export function floorHtml(article: BenchArticle, stylesheets: string[], canonical: string): string {
  const e = escapeHtml
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <title>${e(article.title)} · Newsreader</title>
    <meta name="description" content="${e(article.excerpt)}" />
    <link rel="canonical" href="${e(canonical)}" />
${stylesheets.map((href) => `    <link rel="stylesheet" href="${e(href)}" />`).join('\n')}
  </head>
  <body>
    <div id="root">
      <header class="site-header">
        <div class="container header-inner"><a class="site-name" href="/">Newsreader</a></div>
      </header>
      <main id="main" class="container">
        <article class="article">
          <header class="article-header">
            <h1>${e(article.title)}</h1>
            <p class="meta">${metaLine(article)}</p>
          </header>
          <div class="article-body">
${article.paragraphs.map((p) => `            <p>${e(p)}</p>`).join('\n')}
          </div>
        </article>
      </main>
    </div>
  </body>
</html>
`
}

/** Writes floor.html into the built site; returns its URL path. */
export function writeFloorPage(options: {
  siteDir: string
  article: BenchArticle
  articlePath: string
  origin: string
}): string {
  const articleHtml = readFileSync(join(options.siteDir, `${options.articlePath}.html`), 'utf8')
  const stylesheets = stylesheetsOf(articleHtml)
  const canonical = `${options.origin}/${FLOOR_FILE}`
  writeFileSync(
    join(options.siteDir, FLOOR_FILE),
    floorHtml(options.article, stylesheets, canonical),
  )
  return `/${FLOOR_FILE}`
}
