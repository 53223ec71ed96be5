/**
 * Issue #22's floor and targets. plain.html is the article as a plain static page: its title,
 * source line and paragraphs with no external resource at all, no stylesheet and no style (the
 * site's policy allows no inline one either), what a static page of the story costs on the same
 * host. Its icon is an empty `data:` URL: without one the browser asks for /favicon.ico, and
 * Lighthouse's simulated LCP counts that request whenever it ends before the paint, some 0.1 s
 * in one run and nothing in the next (and the 404 costs Best practices points). The article
 * deep link's LCP and the search deep link's are reported over the floor's, against the issue's
 * targets, beside the ratio to floor.html that summarize.ts checks.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { escapeHtml } from '../../site/prerender/escape.ts'
import { metaLine } from './floor-page.ts'
import type { BenchArticle } from './site.ts'
import { formatSeconds, pageMedians, type PageResult, type TargetCheck } from './summarize.ts'

export const PLAIN_FLOOR_FILE = 'plain.html'

/** The most each deep link's LCP may be over the plain floor's (issue #22). */
export const PLAIN_FLOOR_TARGETS = { article: 1.1, search: 1.3 } as const

/** plain.html: the story and the head tags a mobile page needs; nothing to fetch, no style. */
export function plainFloorHtml(article: BenchArticle, canonical: string): string {
  const e = escapeHtml
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>${e(article.title)} · Newsreader</title>
    <meta name="description" content="${e(article.excerpt)}" />
    <link rel="canonical" href="${e(canonical)}" />
  </head>
  <body>
    <main>
      <article>
        <h1>${e(article.title)}</h1>
        <p>${metaLine(article)}</p>
${article.paragraphs.map((p) => `        <p>${e(p)}</p>`).join('\n')}
      </article>
    </main>
  </body>
</html>
`
}

/** Writes plain.html into the built site, next to floor.html; returns its URL path. */
export function writePlainFloorPage(options: {
  siteDir: string
  article: BenchArticle
  origin: string
}): string {
  const canonical = `${options.origin}/${PLAIN_FLOOR_FILE}`
  writeFileSync(join(options.siteDir, PLAIN_FLOOR_FILE), plainFloorHtml(options.article, canonical))
  return `/${PLAIN_FLOOR_FILE}`
}

export type PlainFloorRatio = {
  /** What the report calls the page: "article", "search deep link". */
  name: string
  lcpMs: number
  plainLcpMs: number
  ratio: number
  target: number
}

/** The median LCP of the article and of the search deep link over the plain floor's. */
export function plainFloorRatios(pages: {
  article: PageResult
  search: PageResult
  plain: PageResult
}): PlainFloorRatio[] {
  const plainLcpMs = pageMedians(pages.plain).lcpMs
  const ratio = (name: string, page: PageResult, target: number): PlainFloorRatio => {
    const { lcpMs } = pageMedians(page)
    return { name, lcpMs, plainLcpMs, ratio: lcpMs / plainLcpMs, target }
  }
  return [
    ratio('article', pages.article, PLAIN_FLOOR_TARGETS.article),
    ratio('search deep link', pages.search, PLAIN_FLOOR_TARGETS.search),
  ]
}

/** The report's lines: each ratio with the two medians it divides. */
export function plainFloorLines(ratios: readonly PlainFloorRatio[]): string[] {
  return ratios.map(
    (r) =>
      `- ${r.name} LCP / plain floor LCP: ${formatSeconds(r.lcpMs)} / ${formatSeconds(r.plainLcpMs)} = **${r.ratio.toFixed(2)}x** (target <= ${r.target}x)`,
  )
}

export function plainFloorChecks(ratios: readonly PlainFloorRatio[]): TargetCheck[] {
  return ratios.map((r) => ({
    text: `${r.name} LCP ${r.ratio.toFixed(2)}x the plain floor's (<= ${r.target}x)`,
    met: Number.isFinite(r.ratio) && r.ratio <= r.target,
  }))
}
