/**
 * What crawlers and feed readers find: sitemap.xml, robots.txt, and the RSS and Atom feeds that
 * every page links from its head. Expected URLs come from the fixture (e2e/corpus.ts and the file
 * names of e2e/fixtures/corpus), not from the build.
 */
import { readdirSync } from 'node:fs'
import type { APIRequestContext } from '@playwright/test'
import { load } from 'cheerio'
import {
  articlePath,
  byNightOwlWire,
  corpus,
  newest,
  nightOwlWire,
  sample,
  secondNewest,
  site,
  sources,
  withHtml,
} from './corpus'
import { checkAtom, checkRss, checkSitemap, type CheckedFeed } from './feed-check'
import { expect, test } from './fixtures'

/** The feeds carry the latest 50 articles. */
const FEED_SIZE = 50
/** The newest article's front-matter date (e2e/fixtures/corpus/058_e2e0000000000058.txt). */
const NEWEST_DATE = '2025-06-30T08:15:00Z'
const ARTICLE_URL = /\/articles\/([0-9a-f]{16})\/[a-z0-9-]+$/

/** The ids of the fixture's articles, from its file names (<sequence>_<id>.txt). */
const fixtureIds = readdirSync(new URL('./fixtures/corpus/', import.meta.url)).flatMap((name) => {
  const id = /^\d+_([0-9a-f]{16})\.txt$/.exec(name)?.[1]
  return id === undefined ? [] : [id]
})

async function fetchText(request: APIRequestContext, path: string, type: RegExp) {
  const response = await request.get(path)
  expect(response.status(), `${path} answers 200`).toBe(200)
  expect(response.headers()['content-type'], `${path} content type`).toMatch(type)
  return response.text()
}

async function sitemapUrls(request: APIRequestContext): Promise<string[]> {
  const sitemap = checkSitemap(await fetchText(request, '/sitemap.xml', /xml/))
  expect(sitemap.problems, 'sitemap.xml problems').toEqual([])
  expect(sitemap.kind, 'a single sitemap for a small site').toBe('urlset')
  return sitemap.locs
}

test('the sitemap lists the home page, every source and every article at its canonical URL', async ({
  request,
  baseURL,
}) => {
  expect(fixtureIds, 'the fixture as e2e/corpus.ts describes it').toHaveLength(corpus.total)
  const urls = await sitemapUrls(request)
  expect(new Set(urls).size, 'no URL listed twice').toBe(urls.length)

  const articleUrls = urls.filter((url) => url.startsWith(`${baseURL}/articles/`))
  const listUrls = urls.filter((url) => !articleUrls.includes(url) && url !== `${baseURL}/search`)
  expect(listUrls.sort()).toEqual(
    [`${baseURL}/`, ...sources.map((s) => `${baseURL}/sources/${s.slug}`)].sort(),
  )
  const hasSearch = urls.includes(`${baseURL}/search`) ? 1 : 0
  expect(urls).toHaveLength(1 + sources.length + corpus.total + hasSearch)

  const ids = articleUrls.map((url) => ARTICLE_URL.exec(url)?.[1] ?? url)
  expect(ids.sort(), 'one canonical URL for each article of the fixture').toEqual(
    [...fixtureIds].sort(),
  )
  for (const known of [newest, secondNewest, byNightOwlWire, withHtml, sample]) {
    expect(urls).toContain(`${baseURL}${articlePath(known)}`)
  }
})

test('every article URL of the sitemap is a page whose canonical link is that URL', async ({
  request,
  baseURL,
}) => {
  const articleUrls = (await sitemapUrls(request)).filter((url) =>
    url.startsWith(`${baseURL}/articles/`),
  )
  expect(articleUrls).toHaveLength(corpus.total)
  for (const url of articleUrls) {
    const $ = load(await fetchText(request, url, /^text\/html/))
    expect($('link[rel="canonical"]').attr('href'), url).toBe(url)
  }
})

test('robots.txt allows crawling and points at the sitemap', async ({ request, baseURL }) => {
  const lines = (await fetchText(request, '/robots.txt', /^text\/plain/))
    .split('\n')
    .map((line) => line.trim())
  expect(lines).toContain('User-agent: *')
  expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`)
  expect(lines, 'nothing blocked').not.toContain('Disallow: /')
})

const feeds = [
  { path: '/rss.xml', check: checkRss },
  { path: '/atom.xml', check: checkAtom },
] as const

for (const { path, check } of feeds) {
  test(`${path} is a valid feed of the latest ${FEED_SIZE} articles, newest first`, async ({
    request,
    baseURL,
  }) => {
    const feed: CheckedFeed = check(await fetchText(request, path, /xml/))
    expect(feed.problems, `${path} problems`).toEqual([])
    expect(feed.title).toBe(site.name)
    expect(feed.link).toBe(`${baseURL}/`)
    expect(feed.self).toBe(`${baseURL}${path}`)
    expect(feed.entries).toHaveLength(Math.min(FEED_SIZE, corpus.total))

    const [first, second, , fourth] = feed.entries
    expect(first).toMatchObject({
      title: newest.title,
      link: `${baseURL}${articlePath(newest)}`,
      summary: newest.excerpt,
      by: newest.source,
    })
    expect(Date.parse(first?.published ?? '')).toBe(Date.parse(NEWEST_DATE))
    expect(second).toMatchObject({
      title: secondNewest.title,
      link: `${baseURL}${articlePath(secondNewest)}`,
    })
    expect(fourth).toMatchObject({ title: byNightOwlWire.title, by: byNightOwlWire.source })

    // The fixture's 58 dated articles come first, so the latest 50 all carry a date.
    const times = feed.entries.map((entry) => Date.parse(entry.published ?? ''))
    expect(
      times.filter((time) => Number.isNaN(time)),
      'entries without a date',
    ).toEqual([])
    expect(times, 'newest first').toEqual([...times].sort((a, b) => b - a))

    const sitemap = await sitemapUrls(request)
    for (const entry of feed.entries) {
      expect(entry.link, `${entry.title}: an article page of the sitemap`).toMatch(ARTICLE_URL)
      expect(sitemap).toContain(entry.link)
    }
  })
}

test('every page links the RSS and Atom feeds from its head', async ({ request, baseURL }) => {
  const pages = [
    '/',
    '/?page=2',
    '/search',
    `/sources/${nightOwlWire.slug}`,
    articlePath(newest),
    articlePath(sample),
    `/articles/${newest.id}`,
    '/no/such/page',
  ]
  for (const path of pages) {
    const $ = load(await fetchText(request, path, /^text\/html/))
    for (const [type, feed] of [
      ['application/rss+xml', '/rss.xml'],
      ['application/atom+xml', '/atom.xml'],
    ]) {
      const links = $(`head link[rel="alternate"][type="${type}"]`)
      expect(links.length, `${path}: one ${type} link`).toBe(1)
      expect(links.attr('title'), `${path}: ${type} title`).toBe(site.name)
      const href = new URL(links.attr('href') ?? '', `${baseURL}${path}`).href
      expect(href, `${path}: ${type} href`).toBe(`${baseURL}${feed}`)
    }
  }
})
