import { expect, test } from 'vitest'
import { floorHtml, stylesheetsOf } from './floor-page.ts'
import { searchWord, type BenchArticle } from './site.ts'
import {
  checkTargets,
  lighthouseTable,
  pageMedians,
  type PageResult,
  type RunSummary,
} from './summarize.ts'
import { runSummary } from './run-summary.test-data.ts'

const run = runSummary

function page(label: string, runs: RunSummary[], hasTargets = true): PageResult {
  return { id: label, label, path: `/${label}`, hasTargets, runs, notes: [] }
}

test('each figure is the median over the runs, independently', () => {
  const medians = pageMedians(page('home', [run(90, 3000), run(99, 1000), run(97, 2000)]))
  expect(medians.scores.performance).toBe(97)
  expect(medians.lcpMs).toBe(2000)
  // An even number of runs: the mean of the two middle ones.
  expect(pageMedians(page('home', [run(90, 3000), run(99, 1000)])).lcpMs).toBe(2000)
})

test('targets apply to the views, not the floor, and the LCP ratio is checked', () => {
  const pages = [page('home', [run(98, 1000)]), page('floor', [run(50, 1000)], false)]
  const checks = checkTargets(pages, 1.21)
  expect(checks.filter((c) => c.text.startsWith('floor'))).toEqual([])
  expect(checks.find((c) => c.text.startsWith('home: Performance'))?.met).toBe(true)
  expect(checks.at(-1)).toEqual({ text: "article LCP 1.21x the floor's (<= 1.2x)", met: false })
  const missed = checkTargets([page('home', [run(97, 1000)])], 1)
  expect(missed.find((c) => c.text.startsWith('home: Performance'))?.met).toBe(false)
})

test('the table has a row per page with scores, LCP, TBT and CLS', () => {
  const table = lighthouseTable([page('home', [run(99, 1234)])]).split('\n')
  expect(table[0]).toBe(
    '| page | URL | Performance | Accessibility | Best practices | SEO | LCP | TBT | CLS |',
  )
  expect(table[2]).toBe('| home | `/home` | 99 | 100 | 100 | 100 | 1.23 s | 10 ms | 0.000 |')
})

test('the floor page escapes the article text and links the given stylesheets', () => {
  const article: BenchArticle = {
    id: '0123456789abcdef',
    slug: 'a-b',
    title: 'A <b> & "c"',
    excerpt: 'x',
    source: null,
    date: '2020-01-02',
    readingMinutes: 2,
    paragraphs: ['one <script>', 'two'],
  }
  const html = floorHtml(article, ['/assets/index-1.css'], 'http://h/floor.html')
  expect(html).toContain('<h1>A &lt;b&gt; &amp; &quot;c&quot;</h1>')
  expect(html).toContain('<p>one &lt;script&gt;</p>')
  expect(html).not.toContain('<script')
  expect(stylesheetsOf(html)).toEqual(['/assets/index-1.css'])
})

test('the search word is the longest word of the title', () => {
  expect(searchWord("Earth-based life can't survive: MIT's Seager")).toBe('survive')
})
