import { expect, test } from 'vitest'
import {
  plainFloorChecks,
  plainFloorHtml,
  plainFloorLines,
  plainFloorRatios,
} from './plain-floor.ts'
import type { BenchArticle } from './site.ts'
import type { PageResult } from './summarize.ts'
import { runSummary } from './run-summary.test-data.ts'

const run = (lcpMs: number) => runSummary(100, lcpMs, { tbtMs: 0 })

function page(id: string, lcps: number[]): PageResult {
  return {
    id,
    label: id,
    path: `/${id}`,
    hasTargets: id !== 'plain',
    runs: lcps.map(run),
    notes: [],
  }
}

test('the plain floor is the escaped story with nothing to fetch: no script, no style, no icon to request', () => {
  const article: BenchArticle = {
    id: '0123456789abcdef',
    slug: 'a-b',
    title: 'A <b> & "c"',
    excerpt: 'x',
    source: 'Wikinews',
    date: '2020-01-02',
    readingMinutes: 2,
    paragraphs: ['one <script>', 'two'],
  }
  const html = plainFloorHtml(article, 'http://h/plain.html')
  expect(html).toContain('<h1>A &lt;b&gt; &amp; &quot;c&quot;</h1>')
  expect(html).toContain('<p>one &lt;script&gt;</p>')
  expect(html).toContain('<span>Wikinews</span><time datetime="2020-01-02">')
  expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1" />')
  expect(html).not.toMatch(
    /<script|<style|\bstyle=|\bsrc=|rel="(stylesheet|preload|modulepreload)"/,
  )
  // No request for an icon either; the canonical URL is not fetched.
  expect(html.match(/<link\b[^>]*>/g)).toEqual([
    '<link rel="icon" href="data:," />',
    '<link rel="canonical" href="http://h/plain.html" />',
  ])
})

test("the article's and the search deep link's median LCP over the plain floor's, each against its target", () => {
  const ratios = plainFloorRatios({
    article: page('article', [1100, 1000, 5000]),
    search: page('search', [1400, 1300, 1310]),
    plain: page('plain', [1000, 900, 1000]),
  })
  expect(ratios.map((r) => [r.name, r.ratio, r.target])).toEqual([
    ['article', 1.1, 1.1],
    ['search deep link', 1.31, 1.3],
  ])
  expect(plainFloorChecks(ratios)).toEqual([
    { text: "article LCP 1.10x the plain floor's (<= 1.1x)", met: true },
    { text: "search deep link LCP 1.31x the plain floor's (<= 1.3x)", met: false },
  ])
  expect(plainFloorLines(ratios)[0]).toBe(
    '- article LCP / plain floor LCP: 1.10 s / 1.00 s = **1.10x** (target <= 1.1x)',
  )
})

test('a ratio that could not be measured is a missed target', () => {
  const ratios = plainFloorRatios({
    article: page('article', [1000]),
    search: page('search', []),
    plain: page('plain', [1000]),
  })
  expect(plainFloorChecks(ratios).map((c) => c.met)).toEqual([true, false])
})
