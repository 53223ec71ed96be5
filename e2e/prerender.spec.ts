/**
 * Every article's URL is a real page: the HTML the server sends, before any script runs, carries
 * the story's own head tags and its text; the app then hydrates that HTML without fetching what it
 * holds, without replacing its markup and without warnings.
 */
import { readFileSync } from 'node:fs'
import type { APIRequestContext } from '@playwright/test'
import { load, type CheerioAPI } from 'cheerio'
import { chunkFor } from './build-manifest'
import {
  articlePath,
  corpus,
  newest,
  nightOwlWire,
  sample,
  secondNewest,
  site,
  sources,
  withHtml,
} from './corpus'
import { expect, holdRequests, test, type Page } from './fixtures'

/** The newest article's front-matter date (e2e/fixtures/corpus/058_e2e0000000000058.txt). */
const NEWEST_DATE = '2025-06-30T08:15:00Z'

/** The paragraphs of a fixture file's body, front matter left out. */
function fixtureParagraphs(file: string): string[] {
  const text = readFileSync(new URL(`./fixtures/corpus/${file}`, import.meta.url), 'utf8')
  const body = text.startsWith('---\n') ? text.slice(text.indexOf('\n---\n', 3) + 5) : text
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
}

/** The HTML the server answers a path with, parsed as a browser would (parse5), no script run. */
async function rawPage(request: APIRequestContext, path: string): Promise<CheerioAPI> {
  const response = await request.get(path)
  expect(response.status(), `${path} answers 200`).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^text\/html/)
  return load(await response.text())
}

/** The value of the one head element the selector finds; fails on none or several. */
function headValue($: CheerioAPI, selector: string, attribute = 'content'): string | undefined {
  const found = $('head').find(selector)
  expect(found.length, `exactly one ${selector} in the head`).toBe(1)
  return found.attr(attribute)
}

function jsonLd($: CheerioAPI): unknown[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((script): unknown => JSON.parse($(script).text()))
}

/** Strings (at any depth) of a JSON value that are empty, with their paths. */
function emptyValues(value: unknown, path = '$'): string[] {
  if (value === null || value === '') return [path]
  if (typeof value === 'string') return value.trim() === '' ? [path] : []
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyValues(v, `${path}[${i}]`))
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => emptyValues(v, `${path}.${k}`))
  }
  return []
}

/** No head tag is written with an empty value: a missing value leaves its tag out. */
function expectNoEmptyTags($: CheerioAPI) {
  const empty = [
    ...$('meta[name], meta[property]')
      .toArray()
      .filter((meta) => !$(meta).attr('content')?.trim())
      .map((meta) => $.html(meta)),
    ...$('link')
      .toArray()
      .filter((link) => !$(link).attr('href')?.trim())
      .map((link) => $.html(link)),
    ...$('title')
      .toArray()
      .filter((title) => $(title).text().trim() === '')
      .map((title) => $.html(title)),
    ...jsonLd($).flatMap((data) => emptyValues(data).map((path) => `JSON-LD ${path}`)),
  ]
  expect(empty, 'tags written without a value').toEqual([])
}

type ArticleHead = {
  path: string
  title: string
  description: string
  source: string
  published: string | null
}

function expectArticleHead($: CheerioAPI, article: ArticleHead, baseURL: string) {
  const url = `${baseURL}${article.path}`
  const one = (selector: string, attribute?: string) => headValue($, selector, attribute)
  expect($('head title').length, 'one title').toBe(1)
  expect($('head title').text()).toBe(`${article.title} · ${site.name}`)
  expect(one('meta[name="description"]')).toBe(article.description)
  expect(one('link[rel="canonical"]', 'href')).toBe(url)
  expect(one('meta[property="og:type"]')).toBe('article')
  expect(one('meta[property="og:title"]')).toBe(article.title)
  expect(one('meta[property="og:description"]')).toBe(article.description)
  expect(one('meta[property="og:url"]')).toBe(url)
  expect(one('meta[property="og:site_name"]')).toBe(site.name)
  expect(one('meta[name="twitter:card"]')).toBe('summary')
  if (article.published === null) {
    expect($('meta[property="article:published_time"]').length, 'no date, no tag').toBe(0)
  } else {
    expect(one('meta[property="article:published_time"]')).toBe(article.published)
  }

  // React renders the JSON-LD where PageMeta stands, in the body; crawlers read it anywhere.
  const data = jsonLd($)
  expect(data, 'one JSON-LD block').toHaveLength(1)
  expect(data[0]).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.description,
    url,
    publisher: { name: article.source },
  })
  if (article.published === null) {
    expect(data[0]).not.toHaveProperty('datePublished')
  } else {
    expect(data[0]).toHaveProperty('datePublished', article.published)
  }
  expectNoEmptyTags($)
}

const dated = {
  path: articlePath(newest),
  title: newest.title,
  description: newest.excerpt,
  source: newest.source,
  published: NEWEST_DATE,
}
const undated = {
  path: articlePath(sample),
  title: sample.title,
  description: sample.excerpt,
  source: sample.source,
  published: null,
}

test('the raw HTML of a dated article carries its title, description, canonical URL, Open Graph, Twitter card and JSON-LD', async ({
  request,
  baseURL,
}) => {
  const $ = await rawPage(request, dated.path)
  expectArticleHead($, dated, baseURL ?? '')
  expect($('main h1').text()).toBe(newest.title)
  expect($('main time').attr('datetime')).toBe(NEWEST_DATE)
})

test('the raw HTML of an undated article has the same tags, without a published time', async ({
  request,
  baseURL,
}) => {
  const $ = await rawPage(request, undated.path)
  expectArticleHead($, undated, baseURL ?? '')
  expect($('main h1').text()).toBe(sample.title)
  expect($('main time').length, 'no date shown').toBe(0)
})

test('the raw HTML holds the article itself: its heading and every paragraph', async ({
  request,
}) => {
  const $ = await rawPage(request, articlePath(newest))
  const paragraphs = $('main p')
    .toArray()
    .map((p) => $(p).text())
  for (const paragraph of fixtureParagraphs('058_e2e0000000000058.txt')) {
    expect(paragraphs).toContain(paragraph)
  }
  // The state the app hydrates with is data, not a script that runs.
  const state = $('script#prerendered-state')
  expect(state.attr('type')).toBe('application/json')
  expect(JSON.parse(state.text())).toHaveProperty('path', articlePath(newest))
})

test('markup in an article title is text in the raw HTML, in the head and the body', async ({
  request,
  baseURL,
}) => {
  const $ = await rawPage(request, articlePath(withHtml))
  expect($('head title').text()).toBe(`${withHtml.title} · ${site.name}`)
  expect(headValue($, 'meta[property="og:title"]')).toBe(withHtml.title)
  expect(headValue($, 'link[rel="canonical"]', 'href')).toBe(`${baseURL}${articlePath(withHtml)}`)
  expect(jsonLd($)[0]).toMatchObject({ headline: withHtml.title })
  expect($('main h1').text()).toBe(withHtml.title)
  expect(
    $('main p')
      .toArray()
      .map((p) => $(p).text()),
  ).toContain(withHtml.lead)
  expect($('b').length, 'no <b> element made from the text').toBe(0)
  // The one classic script is the early reading-settings file; none is inline.
  expect(
    $('script:not([type])')
      .toArray()
      .map((script) => $(script).attr('src')),
  ).toEqual([expect.stringMatching(/\/assets\/reader-settings-[\w-]+\.js$/)])
  const scripts = $('script:not([type="module"]):not([src])')
    .toArray()
    .map((script) => $(script).attr('type'))
  expect(scripts, 'no script made from the text').toEqual([
    'application/ld+json',
    'application/json',
  ])
})

test('the short URL /articles/<id> has the article head and leads to the canonical URL', async ({
  request,
  baseURL,
}) => {
  const $ = await rawPage(request, `/articles/${newest.id}`)
  const url = `${baseURL}${articlePath(newest)}`
  expect(headValue($, 'link[rel="canonical"]', 'href')).toBe(url)
  expect(headValue($, 'meta[property="og:url"]')).toBe(url)
  expect(headValue($, 'meta[property="og:title"]')).toBe(newest.title)
  expect($('head title').text()).toBe(`${newest.title} · ${site.name}`)
  expect(headValue($, 'meta[http-equiv="refresh"]')).toBe(`0; url=${articlePath(newest)}`)
  expect($('body a').attr('href')).toBe(articlePath(newest))
  expectNoEmptyTags($)
})

test('the list pages and the search page have their own title, description and canonical URL', async ({
  request,
  baseURL,
}) => {
  const articles = (count: number) => `${count} ${count === 1 ? 'article' : 'articles'}`
  const pages = [
    {
      path: '/',
      title: 'Latest news',
      description: `The latest of ${articles(corpus.total)} from ${sources.length} sources.`,
      h1: 'Latest news',
    },
    ...sources.map((source) => ({
      path: `/sources/${source.slug}`,
      title: source.name,
      description: `${articles(source.count)} from ${source.name}, newest first.`,
      h1: source.name,
    })),
    {
      path: '/search',
      title: 'Search',
      description: `Search every article of ${site.name} by keyword.`,
      h1: 'Search',
    },
  ]
  for (const page of pages) {
    const $ = await rawPage(request, page.path)
    const url = `${baseURL}${page.path}`
    expect($('head title').text(), page.path).toBe(`${page.title} · ${site.name}`)
    expect(headValue($, 'meta[name="description"]'), page.path).toBe(page.description)
    expect(headValue($, 'link[rel="canonical"]', 'href'), page.path).toBe(url)
    expect(headValue($, 'meta[property="og:type"]'), page.path).toBe('website')
    expect(headValue($, 'meta[property="og:url"]'), page.path).toBe(url)
    expect(headValue($, 'meta[property="og:description"]'), page.path).toBe(page.description)
    expect($('meta[property="article:published_time"]').length, page.path).toBe(0)
    expect(jsonLd($), `${page.path}: no NewsArticle`).toEqual([])
    expect($('main h1').text(), page.path).toBe(page.h1)
    expectNoEmptyTags($)
  }
  // Their bodies hold the lists themselves.
  const home = await rawPage(request, '/')
  expect(
    home(`main a[href="${articlePath(newest)}"]`)
      .first()
      .text(),
  ).toBe(newest.title)
  const source = await rawPage(request, `/sources/${nightOwlWire.slug}`)
  const titles = source('main article h2')
    .toArray()
    .map((h) => source(h).text())
  expect(titles).toEqual(nightOwlWire.titles)
})

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false })

  test('a deep link shows the article title and its paragraphs', async ({ page }) => {
    await page.goto(articlePath(newest))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
    const paragraphs = fixtureParagraphs('058_e2e0000000000058.txt')
    expect(paragraphs.length).toBeGreaterThan(2)
    for (const paragraph of paragraphs) {
      await expect(page.getByRole('main').getByText(paragraph, { exact: true })).toBeVisible()
    }
    await expect(page.getByRole('link', { name: /^Next article/ })).toHaveAttribute(
      'href',
      articlePath(secondNewest),
    )
  })

  test('an undated deep link shows its title and lead', async ({ page }) => {
    await page.goto(articlePath(sample))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sample.title)
    await expect(page.getByRole('main').getByText(sample.excerpt, { exact: true })).toBeVisible()
  })
})

declare global {
  interface Window {
    /** Set by watchHydration, before the page's own scripts run. */
    hydrationWatch?: { removed: string[]; layoutShift: number }
  }
}

/**
 * An init script: records every element removed from #root (a hydration that falls back to a
 * fresh render replaces the server's markup: a flash) and the page's layout shifts.
 */
function watchHydration() {
  const removed: string[] = []
  const watch = { removed, layoutShift: 0 }
  window.hydrationWatch = watch
  new MutationObserver((records) => {
    const root = document.getElementById('root')
    for (const record of records) {
      if (root === null || !root.contains(record.target)) continue
      for (const node of record.removedNodes) {
        if (node instanceof Element) watch.removed.push(node.outerHTML.slice(0, 120))
      }
    }
  }).observe(document, { childList: true, subtree: true })
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) {
      if ('value' in entry && typeof entry.value === 'number') watch.layoutShift += entry.value
    }
  }).observe({ type: 'layout-shift', buffered: true })
}

/** React has hydrated the heading: its node carries the props React attaches to what it owns. */
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => {
    const heading = document.querySelector('main h1')
    return heading !== null && Object.keys(heading).some((key) => key.startsWith('__reactProps$'))
  })
}

test('a deep link hydrates without fetching its article, replacing its markup or shifting', async ({
  page,
  baseURL,
}) => {
  const dataRequests: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.includes('/data/')) dataRequests.push(path)
  })
  await page.addInitScript(watchHydration)
  await page.goto(articlePath(newest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
  await waitForHydration(page)

  expect(
    dataRequests.filter((path) => path.endsWith(`/${newest.id}.json`)),
    'no request for the article the page holds',
  ).toEqual([])
  // Layout shifts are reported with the frame that painted them: let two frames pass.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
  const watch = await page.evaluate(() => window.hydrationWatch)
  expect(watch?.removed, 'no element of the server markup replaced').toEqual([])
  expect(watch?.layoutShift, 'no layout shift').toBe(0)
  // The head keeps one of each tag, the page's own.
  await expect(page.locator('title')).toHaveCount(1)
  await expect(page).toHaveTitle(`${newest.title} · ${site.name}`)
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(1)
  await expect(page.locator('meta[property="og:title"]')).toHaveCount(1)
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1)
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    `${baseURL}${articlePath(newest)}`,
  )
})

test('a deep link fetches React DOM along with the entry, not once the entry has run', async ({
  page,
}) => {
  // The entry imports React DOM, a chunk of its own; the boot asks for both at once. The entry
  // is held back until React DOM's chunk has been asked for: only the boot can have asked.
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  const reactDom = chunkFor('reactDom').path
  const release = await holdRequests(page, chunkFor('entry').url)
  // The page counts as loaded once the app runs, which it cannot before the release.
  const loaded = page.goto(articlePath(newest))
  await expect.poll(() => requested.filter((path) => path === reactDom)).toHaveLength(1)
  release()
  await loaded
  await waitForHydration(page)
  expect(requested.filter((path) => path === reactDom)).toHaveLength(1)
})

test('client navigation works from a hydrated deep link and fetches the next article', async ({
  page,
  baseURL,
}) => {
  const dataRequests: string[] = []
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname
    if (path.includes('/data/')) dataRequests.push(path)
  })
  await page.goto(articlePath(newest))
  await waitForHydration(page)
  // Survives a client navigation, not a page load.
  await page.evaluate(() => document.documentElement.setAttribute('data-same-document', ''))

  await page.getByRole('link', { name: /^Next article/ }).click()
  await expect(page).toHaveURL(articlePath(secondNewest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondNewest.title)
  await expect(page.locator('html')).toHaveAttribute('data-same-document', '')
  expect(dataRequests.filter((path) => path.endsWith(`/${secondNewest.id}.json`))).toHaveLength(1)
  expect(dataRequests.filter((path) => path.endsWith(`/${newest.id}.json`))).toEqual([])

  // The head now describes the next article, with one of each tag.
  await expect(page).toHaveTitle(`${secondNewest.title} · ${site.name}`)
  const canonical = page.locator('link[rel="canonical"]')
  await expect(canonical).toHaveCount(1)
  await expect(canonical).toHaveAttribute('href', `${baseURL}${articlePath(secondNewest)}`)
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    secondNewest.title,
  )
  const ld = page.locator('script[type="application/ld+json"]')
  await expect(ld).toHaveCount(1)
  expect(JSON.parse((await ld.textContent()) ?? '')).toMatchObject({
    headline: secondNewest.title,
  })
})
