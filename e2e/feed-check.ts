/**
 * Reads and checks the build's XML (sitemaps, RSS 2.0, Atom 1.0) for the end-to-end specs and the
 * prerender unit tests. XML well-formedness is fast-xml-parser's validator; the feeds are read by
 * feedsmith, a feed reader's library, and checked against the rules of the RSS 2.0 specification
 * and RFC 4287 that a feed validator applies. Each check returns its problems as text, so that a
 * failing test names them all.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parseFeed } from 'feedsmith'

export type FeedEntry = {
  title: string | null
  link: string | null
  id: string | null
  summary: string | null
  /** pubDate (RSS) or published (Atom), as written; null when the entry has none. */
  published: string | null
  /** The entry's author (Atom) or source (RSS). */
  by: string | null
}

export type CheckedFeed = {
  title: string | null
  link: string | null
  self: string | null
  entries: FeedEntry[]
  problems: string[]
}

export type CheckedSitemap = {
  kind: 'urlset' | 'sitemapindex' | null
  locs: string[]
  problems: string[]
}

/** RFC 822 as RSS 2.0 writes it, with a four-digit year. */
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const ABSOLUTE_URL = /^https?:\/\/[^\s]+$/

/** Why the text is not well-formed XML, or null when it is. */
export function xmlProblem(xml: string): string | null {
  const result = XMLValidator.validate(xml)
  return result === true ? null : `line ${result.err.line}: ${result.err.code} ${result.err.msg}`
}

/**
 * Elements written empty (`<x></x>`, `<x/>` without attributes) and attributes with an empty
 * value: a missing value must leave its element out.
 */
export function emptyXmlElements(xml: string): string[] {
  const body = xml.replace(/^<\?xml[^>]*\?>/, '')
  return [
    ...body.matchAll(/<([\w:.-]+)(\s[^>]*)?>\s*<\/\1>/g),
    ...body.matchAll(/<([\w:.-]+)\s*\/>/g),
    ...body.matchAll(/\s[\w:.-]+=(""|'')/g),
  ].map((match) => match[0])
}

/** The text of the XML's elements with entities decoded, attributes under `@_`, no coercion. */
export function parseXml(xml: string): unknown {
  return new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: false,
    processEntities: true,
  }).parse(xml)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const list = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/** The text of an element that fast-xml-parser read: a string, or `#text` beside attributes. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (isRecord(value) && typeof value['#text'] === 'string') return value['#text']
  return null
}

export function checkSitemap(xml: string): CheckedSitemap {
  const problem = xmlProblem(xml)
  if (problem !== null) return { kind: null, locs: [], problems: [`not well-formed: ${problem}`] }
  const problems = emptyXmlElements(xml).map((e) => `empty element ${e}`)
  const doc = parseXml(xml)
  const root = isRecord(doc) ? (doc.urlset ?? doc.sitemapindex) : undefined
  const kind = isRecord(doc) && 'urlset' in doc ? 'urlset' : 'sitemapindex'
  if (!isRecord(root)) return { kind: null, locs: [], problems: ['no <urlset> or <sitemapindex>'] }
  if (root['@_xmlns'] !== 'http://www.sitemaps.org/schemas/sitemap/0.9') {
    problems.push(`wrong namespace ${String(root['@_xmlns'])}`)
  }
  const locs = list(kind === 'urlset' ? root.url : root.sitemap).map((entry) =>
    isRecord(entry) ? text(entry.loc) : null,
  )
  for (const [i, loc] of locs.entries()) {
    if (loc === null || !ABSOLUTE_URL.test(loc)) problems.push(`entry ${i}: no absolute <loc>`)
  }
  if (locs.length > 50_000) problems.push(`${locs.length} entries, over the limit of 50,000`)
  return { kind, locs: locs.filter((l) => l !== null), problems }
}

/** RSS 2.0: well-formed, read by a feed library as RSS, the elements the specification requires. */
export function checkRss(xml: string): CheckedFeed {
  const empty: CheckedFeed = { title: null, link: null, self: null, entries: [], problems: [] }
  const problem = xmlProblem(xml)
  if (problem !== null) return { ...empty, problems: [`not well-formed: ${problem}`] }
  const problems = emptyXmlElements(xml).map((e) => `empty element ${e}`)
  const raw = parseXml(xml)
  const rss = isRecord(raw) ? raw.rss : undefined
  if (!isRecord(rss) || rss['@_version'] !== '2.0')
    problems.push('the root is not <rss version="2.0">')
  if (isRecord(rss) && list(rss.channel).length !== 1) problems.push('not exactly one <channel>')

  const parsed = parseFeed(xml)
  if (parsed.format !== 'rss') return { ...empty, problems: [`read as ${parsed.format}, not rss`] }
  const channel = parsed.feed
  for (const key of ['title', 'link', 'description'] as const) {
    if (!channel[key]) problems.push(`the channel has no <${key}>`)
  }
  if (channel.lastBuildDate !== undefined && !RFC_822.test(channel.lastBuildDate)) {
    problems.push(`lastBuildDate is not RFC 822: ${channel.lastBuildDate}`)
  }
  const self = channel.atom?.links?.find((l) => l.rel === 'self')?.href ?? null
  const entries = (channel.items ?? []).map((item, i): FeedEntry => {
    const at = `item ${i}`
    if (!item.title && !item.description) problems.push(`${at}: neither title nor description`)
    if (item.pubDate !== undefined && !RFC_822.test(item.pubDate)) {
      problems.push(`${at}: pubDate is not RFC 822: ${item.pubDate}`)
    }
    if (item.link !== undefined && !ABSOLUTE_URL.test(item.link)) {
      problems.push(`${at}: link is not an absolute URL: ${item.link}`)
    }
    if (item.guid && item.guid.isPermaLink !== false && !ABSOLUTE_URL.test(item.guid.value ?? '')) {
      problems.push(`${at}: a permalink guid that is not a URL: ${item.guid.value}`)
    }
    if (item.source && !item.source.url) problems.push(`${at}: <source> without its url`)
    return {
      title: item.title ?? null,
      link: item.link ?? null,
      id: item.guid?.value ?? null,
      summary: item.description ?? null,
      published: item.pubDate ?? null,
      by: item.source?.title ?? null,
    }
  })
  duplicates(entries.map((e) => e.id)).forEach((id) => problems.push(`guid ${id} repeats`))
  return { title: channel.title ?? null, link: channel.link ?? null, self, entries, problems }
}

/** Atom 1.0: well-formed, read by a feed library as Atom, the elements RFC 4287 requires. */
export function checkAtom(xml: string): CheckedFeed {
  const empty: CheckedFeed = { title: null, link: null, self: null, entries: [], problems: [] }
  const problem = xmlProblem(xml)
  if (problem !== null) return { ...empty, problems: [`not well-formed: ${problem}`] }
  const problems = emptyXmlElements(xml).map((e) => `empty element ${e}`)
  const raw = parseXml(xml)
  const root = isRecord(raw) ? raw.feed : undefined
  if (!isRecord(root) || root['@_xmlns'] !== 'http://www.w3.org/2005/Atom') {
    problems.push('the root is not <feed xmlns="http://www.w3.org/2005/Atom">')
  }

  const parsed = parseFeed(xml)
  if (parsed.format !== 'atom')
    return { ...empty, problems: [`read as ${parsed.format}, not atom`] }
  const feed = parsed.feed
  if (!feed.id) problems.push('the feed has no <id>')
  if (!feed.title?.value) problems.push('the feed has no <title>')
  if (!feed.updated || !RFC_3339.test(feed.updated)) {
    problems.push(`the feed's <updated> is missing or not RFC 3339: ${feed.updated}`)
  }
  const feedHasAuthor = (feed.authors ?? []).some((a) => a.name)
  const entries = (feed.entries ?? []).map((entry, i): FeedEntry => {
    const at = `entry ${i}`
    if (!entry.id) problems.push(`${at}: no <id>`)
    if (!entry.title?.value) problems.push(`${at}: no <title>`)
    if (!entry.updated || !RFC_3339.test(entry.updated)) {
      problems.push(`${at}: <updated> missing or not RFC 3339: ${entry.updated}`)
    }
    if (entry.published !== undefined && !RFC_3339.test(entry.published)) {
      problems.push(`${at}: <published> is not RFC 3339: ${entry.published}`)
    }
    const alternate = entry.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href
    if (!entry.content && !alternate) problems.push(`${at}: neither content nor an alternate link`)
    const author = entry.authors?.find((a) => a.name)?.name ?? null
    if (!feedHasAuthor && author === null) problems.push(`${at}: no author, and the feed has none`)
    return {
      title: entry.title?.value ?? null,
      link: alternate ?? null,
      id: entry.id ?? null,
      summary: entry.summary?.value ?? null,
      published: entry.published ?? null,
      by: author,
    }
  })
  duplicates(entries.map((e) => e.id)).forEach((id) => problems.push(`entry id ${id} repeats`))
  return {
    title: feed.title?.value ?? null,
    link: feed.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href ?? null,
    self: feed.links?.find((l) => l.rel === 'self')?.href ?? null,
    entries,
    problems,
  }
}

function duplicates(values: (string | null)[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const value of values) {
    if (value === null) continue
    if (seen.has(value)) repeated.add(value)
    seen.add(value)
  }
  return [...repeated]
}
