// @vitest-environment node
import { expect, test } from 'vitest'
import {
  checkAtom,
  checkRss,
  checkSitemap,
  emptyXmlElements,
  xmlProblem,
} from '../../../e2e/feed-check.ts'
import {
  atomFeed,
  robotsTxt,
  rssFeed,
  SITEMAP_LIMIT,
  sitemaps,
  type FeedEntry,
} from './discovery.ts'

const SITE = 'https://news.example.org/reader'
const BUILT = new Date('2026-01-02T03:04:05Z')

/** Every character the XML and HTML writers must escape, with text that looks like markup. */
const HOSTILE = `<script>alert(1)</script> & "double" 'single' </script> 🎉 $& $1 $' ]]> <!-- --> &amp; &#60;`

function entry(overrides: Partial<FeedEntry> = {}): FeedEntry {
  const id = overrides.id ?? '00000000000000a1'
  return {
    id,
    slug: 'a-story',
    title: 'A story',
    source: 'The Daily',
    sourceSlug: 'the-daily',
    date: '2025-06-30T08:15:00Z',
    readingMinutes: 1,
    excerpt: 'The lead of a story.',
    url: `${SITE}/articles/${id}/a-story`,
    ...overrides,
  }
}

const urls = (count: number) => Array.from({ length: count }, (_, i) => `${SITE}/articles/${i}`)

test('a sitemap under the limit is one urlset with every URL, in order', () => {
  const files = sitemaps(SITE, urls(7), 7)
  expect(files.map((f) => f.name)).toEqual(['sitemap.xml'])
  const sitemap = checkSitemap(files[0]?.content ?? '')
  expect(sitemap.problems).toEqual([])
  expect(sitemap.kind).toBe('urlset')
  expect(sitemap.locs).toEqual(urls(7))
})

test('past the limit, sitemap.xml is an index of parts that together list every URL', () => {
  const files = sitemaps(SITE, urls(7), 3)
  expect(files.map((f) => f.name)).toEqual([
    'sitemap.xml',
    'sitemap-1.xml',
    'sitemap-2.xml',
    'sitemap-3.xml',
  ])
  const [index, ...parts] = files.map((f) => checkSitemap(f.content))
  expect(index?.problems).toEqual([])
  expect(index?.kind).toBe('sitemapindex')
  expect(index?.locs).toEqual([1, 2, 3].map((n) => `${SITE}/sitemap-${n}.xml`))
  for (const part of parts) {
    expect(part.problems).toEqual([])
    expect(part.kind).toBe('urlset')
  }
  expect(parts.map((p) => p.locs.length)).toEqual([3, 3, 1])
  expect(parts.flatMap((p) => p.locs)).toEqual(urls(7))
})

test('the default limit is the protocol’s 50,000 URLs a file', () => {
  expect(SITEMAP_LIMIT).toBe(50_000)
  expect(sitemaps(SITE, urls(50_000)).map((f) => f.name)).toEqual(['sitemap.xml'])
  const [index, ...parts] = sitemaps(SITE, urls(50_001))
  expect(index?.name).toBe('sitemap.xml')
  expect(parts.map((f) => f.name)).toEqual(['sitemap-1.xml', 'sitemap-2.xml'])
  // Counted, not parsed: reading 50,000 entries back is the slow part.
  expect(parts.map((f) => f.content.match(/<loc>/g)?.length)).toEqual([50_000, 1])
  expect(checkSitemap(parts[1]?.content ?? '').locs).toEqual([`${SITE}/articles/50000`])
  expect(checkSitemap(index?.content ?? '').locs).toEqual([
    `${SITE}/sitemap-1.xml`,
    `${SITE}/sitemap-2.xml`,
  ])
})

test('sitemap URLs with &, quotes and < are escaped and read back as written', () => {
  const odd = [`${SITE}/?a=1&b='2'`, `${SITE}/sources/"x"<y>`, `${SITE}/é🎉`]
  const [file] = sitemaps(SITE, odd)
  expect(xmlProblem(file?.content ?? '')).toBeNull()
  expect(checkSitemap(file?.content ?? '').locs).toEqual(odd)
})

test('robots.txt names the sitemap by its absolute URL', () => {
  const lines = robotsTxt(SITE).split('\n')
  expect(lines).toContain('User-agent: *')
  expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`)
  expect(lines).not.toContain('Disallow: /')
})

test('both feeds are valid and carry their entries in order, links absolute', () => {
  const entries = [
    entry({ id: '00000000000000a1', title: 'First', date: '2025-06-30T08:15:00Z' }),
    entry({ id: '00000000000000a2', title: 'Second', date: '2025-06-29' }),
  ]
  const rss = checkRss(rssFeed(SITE, entries, BUILT))
  const atom = checkAtom(atomFeed(SITE, entries, BUILT))
  for (const feed of [rss, atom]) {
    expect(feed.problems).toEqual([])
    expect(feed.title).toBe('Newsreader')
    expect(feed.link).toBe(`${SITE}/`)
    expect(feed.entries.map((e) => [e.title, e.link, e.by])).toEqual(
      entries.map((e) => [e.title, e.url, e.source]),
    )
  }
  expect(rss.self).toBe(`${SITE}/rss.xml`)
  expect(atom.self).toBe(`${SITE}/atom.xml`)
  expect(rss.entries.map((e) => e.published)).toEqual([
    'Mon, 30 Jun 2025 08:15:00 GMT',
    'Sun, 29 Jun 2025 00:00:00 GMT',
  ])
  expect(atom.entries.map((e) => e.published)).toEqual([
    '2025-06-30T08:15:00.000Z',
    '2025-06-29T00:00:00.000Z',
  ])
})

test('hostile titles, excerpts and sources are escaped in both feeds and read back as written', () => {
  const hostile = entry({
    title: `Title ${HOSTILE}`,
    excerpt: `Excerpt ${HOSTILE}`,
    source: `Source ${HOSTILE}`,
  })
  for (const xml of [rssFeed(SITE, [hostile], BUILT), atomFeed(SITE, [hostile], BUILT)]) {
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain('<!--')
    const feed = xml.includes('<rss') ? checkRss(xml) : checkAtom(xml)
    expect(feed.problems).toEqual([])
    expect(feed.entries).toEqual([
      expect.objectContaining({
        title: hostile.title,
        summary: hostile.excerpt,
        by: hostile.source,
      }),
    ])
  }
})

test('characters XML cannot carry are dropped, lone surrogates replaced, and the feed stays valid', () => {
  const broken = entry({ title: 'Bell\u0007 and \uD800 half', excerpt: 'Form\u000Cfeed.' })
  const rss = checkRss(rssFeed(SITE, [broken], BUILT))
  const atom = checkAtom(atomFeed(SITE, [broken], BUILT))
  for (const feed of [rss, atom]) {
    expect(feed.problems).toEqual([])
    expect(feed.entries[0]?.title).toBe('Bell and \uFFFD half')
    expect(feed.entries[0]?.summary).toBe('Formfeed.')
  }
})

test('an undated, sourceless entry leaves its date and source out instead of writing them empty', () => {
  const bare = entry({ date: null, source: null, sourceSlug: null })
  const rssXml = rssFeed(SITE, [bare], BUILT)
  const atomXml = atomFeed(SITE, [bare], BUILT)
  for (const xml of [rssXml, atomXml]) expect(emptyXmlElements(xml)).toEqual([])
  expect(rssXml).not.toContain('<pubDate>')
  expect(rssXml).not.toContain('<source')
  expect(atomXml).not.toContain('<published>')

  const rss = checkRss(rssXml)
  const atom = checkAtom(atomXml)
  expect(rss.problems).toEqual([])
  // Atom requires <updated> for every entry: an undated one takes the build's time, and the
  // feed's own author stands in for the missing source.
  expect(atom.problems).toEqual([])
  expect(rss.entries[0]).toMatchObject({ title: bare.title, published: null, by: null })
  expect(atom.entries[0]).toMatchObject({ title: bare.title, published: null, by: null })
  expect(atomXml).toContain(`<updated>${BUILT.toISOString()}</updated>`)
})

test('feed dates: a date-time without a zone is UTC, an offset is converted', () => {
  const entries = [
    entry({ id: '00000000000000b1', date: '2025-06-30 08:15' }),
    entry({ id: '00000000000000b2', date: '2025-06-30T10:15:00+02:00' }),
    entry({ id: '00000000000000b3', date: '2025-06-30T08:15' }),
  ]
  const rss = checkRss(rssFeed(SITE, entries, BUILT))
  const atom = checkAtom(atomFeed(SITE, entries, BUILT))
  expect(rss.problems).toEqual([])
  expect(atom.problems).toEqual([])
  expect(new Set(rss.entries.map((e) => e.published))).toEqual(
    new Set(['Mon, 30 Jun 2025 08:15:00 GMT']),
  )
  expect(new Set(atom.entries.map((e) => e.published))).toEqual(
    new Set(['2025-06-30T08:15:00.000Z']),
  )
})

test('the Atom feed is updated when its newest entry was, and an empty feed is still valid', () => {
  const entries = [
    entry({ id: '00000000000000c1', date: '2025-06-29' }),
    entry({ id: '00000000000000c2', date: '2025-06-30T08:15:00Z' }),
  ]
  expect(atomFeed(SITE, entries, BUILT)).toMatch(
    /<\/subtitle>[\s\S]*<updated>2025-06-30T08:15:00.000Z<\/updated>[\s\S]*<entry>/,
  )
  expect(checkRss(rssFeed(SITE, [], BUILT)).problems).toEqual([])
  expect(checkAtom(atomFeed(SITE, [], BUILT)).problems).toEqual([])
})
