// @vitest-environment node
/**
 * Builds a small corpus whose titles, sources and text look like markup, scripts, entities,
 * replacement patterns and emoji, then reads what `npm run build` wrote as a browser, a crawler and
 * a feed reader would: every value must come back exactly as written, and nothing may become markup.
 */
import { buildTestSite } from './build-site.test-data.ts'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { load, type CheerioAPI } from 'cheerio'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { checkAtom, checkRss, checkSitemap, type CheckedFeed } from '../../../e2e/feed-check.ts'

const SITE = 'https://news.example.org'
const SITE_NAME = 'Newsreader'

type Story = {
  id: string
  title: string
  source: string | null
  date: string | null
  /** The first paragraph, which is the excerpt (under 200 characters). */
  lead: string
  more: string
}

const stories: Story[] = [
  {
    id: '00000000000000a1',
    title: `Mayor says <script>alert(1)</script> & "quotes" aren't news 🎉`,
    source: `Tom & Jerry's "Daily" <Wire> 🎉`,
    date: '2025-03-02T09:30:00Z',
    lead: `The council voted 5 < 7 & agreed: "<b>bold</b>" and 'single' quotes stay text 🎉.`,
    more: 'A second paragraph with </script><script>alert(2)</script> inside it.',
  },
  {
    id: '00000000000000a2',
    title: `Prices rise $& $1 $' $\` by 10% </script><!-- not a comment`,
    source: '$& Replacement $1 Times',
    date: '2025-03-01',
    lead: `Costs went up $& and $1, said the </script> desk; ]]> closes nothing here.`,
    more: 'Readers wrote in with &amp; and &#60; and &lt;script&gt; as literal text.',
  },
  {
    id: '00000000000000a3',
    title: `No date, no source: "undated" & 'unsourced' 🎉`,
    source: null,
    date: null,
    lead: `An undated story with no source at all, & a <i>tag</i> in its lead.`,
    more: 'It has a second paragraph that ends a sentence, so it is not a source line.',
  },
  {
    id: '00000000000000a4',
    title: 'A story dated with a space and no zone',
    source: 'Plain Wire',
    date: '2025-02-28 10:00',
    lead: 'A plain story whose date has a space where the T goes and no time zone.',
    more: 'The corpus format accepts that date, and the app shows it in UTC.',
  },
]

const root = mkdtempSync(join(tmpdir(), 'hostile-build-'))
const corpusDir = join(root, 'corpus')
const outDir = join(root, 'dist')

function frontMatter(story: Story): string {
  // JSON strings are YAML double-quoted scalars.
  const lines = [`title: ${JSON.stringify(story.title)}`]
  if (story.date !== null) lines.push(`date: ${JSON.stringify(story.date)}`)
  if (story.source !== null) lines.push(`source: ${JSON.stringify(story.source)}`)
  lines.push(`url: "https://example.com/story?id=${story.id}&ref=feed"`)
  return `---\n${lines.join('\n')}\n---\n`
}

beforeAll(() => {
  mkdirSync(corpusDir, { recursive: true })
  stories.forEach((story, i) => {
    writeFileSync(
      join(corpusDir, `00${i + 1}_${story.id}.txt`),
      `${frontMatter(story)}${story.lead}\n\n${story.more}\n`,
    )
  })
  // The build run as `npm run build` runs it, in its own process; not in Vitest's NODE_ENV=test.
  buildTestSite({ corpusDir, outDir, siteUrl: SITE })
}, 120_000)

afterAll(() => rmSync(root, { recursive: true, force: true }))

/** The story's canonical path, found by the page the build wrote for it. */
function articlePath(story: Story): string {
  const pages = readdirSync(join(outDir, 'articles', story.id)).filter((f) => f.endsWith('.html'))
  expect(pages, `one page for ${story.id}`).toHaveLength(1)
  return `/articles/${story.id}/${pages[0]?.replace(/\.html$/, '')}`
}

function readPage(file: string): { html: string; $: CheerioAPI } {
  const html = readFileSync(join(outDir, file), 'utf8')
  return { html, $: load(html) }
}

function articlePage(story: Story) {
  return readPage(`${articlePath(story)}.html`)
}

function attr($: CheerioAPI, selector: string, name = 'content'): string | undefined {
  const found = $('head').find(selector)
  expect(found.length, `one ${selector}`).toBe(1)
  return found.attr(name)
}

/** Head tags with no value: a missing value must leave its tag out. */
function emptyTags($: CheerioAPI): string[] {
  return [
    ...$('meta[name], meta[property], meta[http-equiv]')
      .toArray()
      .filter((m) => !$(m).attr('content')?.trim()),
    ...$('link')
      .toArray()
      .filter((l) => !$(l).attr('href')?.trim()),
  ].map((element) => $.html(element))
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/

test.each(stories)('$id: the head carries the story’s own values, exactly', (story) => {
  const { $ } = articlePage(story)
  const url = `${SITE}${articlePath(story)}`
  expect($('head title').length).toBe(1)
  expect($('head title').text()).toBe(`${story.title} · ${SITE_NAME}`)
  expect(attr($, 'meta[name="description"]')).toBe(story.lead)
  expect(attr($, 'link[rel="canonical"]', 'href')).toBe(url)
  expect(attr($, 'meta[property="og:type"]')).toBe('article')
  expect(attr($, 'meta[property="og:title"]')).toBe(story.title)
  expect(attr($, 'meta[property="og:description"]')).toBe(story.lead)
  expect(attr($, 'meta[property="og:url"]')).toBe(url)
  expect(attr($, 'meta[property="og:site_name"]')).toBe(SITE_NAME)
  expect(attr($, 'meta[name="twitter:card"]')).toBe('summary')
  expect(attr($, 'meta[name="twitter:title"]')).toBe(story.title)
  expect(attr($, 'meta[name="twitter:description"]')).toBe(story.lead)
  if (story.date === null) {
    expect($('meta[property="article:published_time"]').length).toBe(0)
  } else {
    expect(attr($, 'meta[property="article:published_time"]')).toBeDefined()
  }
  expect(emptyTags($)).toEqual([])
})

test.each(stories)('$id: the JSON-LD parses to the story’s values', (story) => {
  const { $ } = articlePage(story)
  const blocks = $('script[type="application/ld+json"]').toArray()
  expect(blocks).toHaveLength(1)
  const data: unknown = JSON.parse($(blocks[0]).text())
  expect(data).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    description: story.lead,
    url: `${SITE}${articlePath(story)}`,
  })
  if (story.source === null) {
    expect(data).not.toHaveProperty('publisher')
  } else {
    expect(data).toHaveProperty('publisher.name', story.source)
  }
  if (story.date === null) expect(data).not.toHaveProperty('datePublished')
  else expect(data).toHaveProperty('datePublished')
})

test.each(stories)('$id: the only scripts are the app, the JSON-LD and the state', (story) => {
  const { $, html } = articlePage(story)
  const scripts = $('script')
    .toArray()
    .map((s) => $(s).attr('type') ?? `classic ${$(s).attr('src')}`)
  // The early reading-settings script is the one classic script, a file like the app's.
  expect(scripts.sort()).toEqual([
    'application/json',
    'application/ld+json',
    expect.stringMatching(/^classic \/assets\/reader-settings-[\w-]+\.js$/),
    'module',
  ])
  expect($('script[type="module"]').attr('src')).toMatch(/^\/assets\/[\w-]+\.js$/)
  // No element was made from the text: the markup in it stays text.
  expect($('main b, main i, head b, head i').length).toBe(0)
  // Inside the two JSON scripts, nothing can close the element or open a comment.
  for (const script of html.match(/<script type="application\/[^>]*>[\s\S]*?<\/script>/g) ?? []) {
    const content = script.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '')
    expect(content).not.toMatch(/<\/script|<!--/i)
  }
})

test.each(stories)('$id: the prerendered state parses and holds the story as written', (story) => {
  const { $ } = articlePage(story)
  const state: unknown = JSON.parse($('script#prerendered-state').text())
  expect(state).toMatchObject({ path: articlePath(story), textInPage: { paragraphs: 2 } })
  expect(JSON.stringify(state)).toContain(JSON.stringify(story.title))
  // The paragraphs are not in the state a second time: the browser takes them back from the
  // page's markup (readPrerenderedState), where an HTML parser reads them exactly as written.
  expect(JSON.stringify(state)).not.toContain(JSON.stringify(story.more))
  const inPage = $('#root .article-body > p')
    .toArray()
    .map((p) => $(p).text())
  expect(inPage).toEqual([story.lead, story.more])
})

test.each(stories)('$id: the body shows the title and the text literally', (story) => {
  const { $ } = articlePage(story)
  expect($('main h1').text()).toBe(story.title)
  const paragraphs = $('main p')
    .toArray()
    .map((p) => $(p).text())
  expect(paragraphs).toContain(story.lead)
  expect(paragraphs).toContain(story.more)
  if (story.source !== null) expect($('main').text()).toContain(story.source)
})

test.each(stories)('$id: the short URL page has the same head and leads on', (story) => {
  const { $ } = readPage(`articles/${story.id}.html`)
  expect($('head title').text()).toBe(`${story.title} · ${SITE_NAME}`)
  expect(attr($, 'meta[property="og:title"]')).toBe(story.title)
  expect(attr($, 'link[rel="canonical"]', 'href')).toBe(`${SITE}${articlePath(story)}`)
  expect(attr($, 'meta[http-equiv="refresh"]')).toBe(`0; url=${articlePath(story)}`)
  expect(emptyTags($)).toEqual([])
})

test('a date-time written with a space and no zone is published as ISO 8601 in UTC', () => {
  const story = stories[3]
  if (!story) throw new Error('the fixture has four stories')
  const { $ } = articlePage(story)
  const published = attr($, 'meta[property="article:published_time"]') ?? ''
  expect(published).toMatch(ISO_8601)
  expect(Date.parse(published)).toBe(Date.parse('2025-02-28T10:00:00Z'))
  const data: unknown = JSON.parse($('script[type="application/ld+json"]').text())
  expect(data).toHaveProperty('datePublished', published)
})

test('the home page lists the titles as text, with its own head and no empty tags', () => {
  const { $ } = readPage('index.html')
  const titles = $('main article h2')
    .toArray()
    .map((h) => $(h).text())
  expect(titles.sort()).toEqual(stories.map((s) => s.title).sort())
  expect($('head title').text()).toBe(`Latest news · ${SITE_NAME}`)
  expect(emptyTags($)).toEqual([])
  expect($('main b, main i, main script').length).toBe(0)
})

test('a source whose name holds markup has a page titled with it', () => {
  const story = stories[0]
  const pages = readdirSync(join(outDir, 'sources'))
  expect(pages.length, 'a page for each source').toBe(stories.filter((s) => s.source).length)
  const titles = pages.map((page) => readPage(`sources/${page}`).$('head title').text())
  expect(titles).toContain(`${story?.source} · ${SITE_NAME}`)
})

function feedOf(file: string, check: (xml: string) => CheckedFeed): CheckedFeed {
  const feed = check(readFileSync(join(outDir, file), 'utf8'))
  expect(feed.problems, `${file} problems`).toEqual([])
  return feed
}

test.each([
  ['rss.xml', checkRss],
  ['atom.xml', checkAtom],
] as const)(
  '%s is valid and reads back every title, excerpt and source as written',
  (file, check) => {
    const feed = feedOf(file, check)
    expect(feed.entries).toHaveLength(stories.length)
    for (const story of stories) {
      const url = `${SITE}${articlePath(story)}`
      expect(feed.entries).toContainEqual({
        title: story.title,
        link: url,
        id: url,
        summary: story.lead,
        published: story.date === null ? null : expect.any(String),
        by: story.source,
      })
    }
    // Newest first: the dated ones by date, then the undated one.
    expect(feed.entries.map((e) => e.title)).toEqual(
      [stories[0], stories[1], stories[3], stories[2]].map((s) => s?.title),
    )
  },
)

test('the sitemap is valid and lists every story’s canonical URL', () => {
  const sitemap = checkSitemap(readFileSync(join(outDir, 'sitemap.xml'), 'utf8'))
  expect(sitemap.problems).toEqual([])
  for (const story of stories) expect(sitemap.locs).toContain(`${SITE}${articlePath(story)}`)
  expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}/sitemap.xml`)
})
