import type { ListItem } from '../../../src/lib/corpus/compiled.ts'
import { site } from '../../../src/config/site.ts'
import { dateTime } from '../../../src/lib/corpus/dates.ts'
import { escapeXml } from './escape.ts'

/** The sitemap protocol's limit of URLs per file; past it, a sitemap index lists the parts. */
export const SITEMAP_LIMIT = 50_000

export type SitemapFile = { name: string; content: string }

/** sitemap.xml, or sitemap.xml as an index of sitemap-<n>.xml parts once past the limit. */
export function sitemaps(
  siteUrl: string,
  urls: readonly string[],
  limit = SITEMAP_LIMIT,
): SitemapFile[] {
  const urlset = (list: readonly string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${list
      .map((url) => `  <url><loc>${escapeXml(url)}</loc></url>`)
      .join('\n')}\n</urlset>\n`
  if (urls.length <= limit) return [{ name: 'sitemap.xml', content: urlset(urls) }]
  const parts: SitemapFile[] = []
  for (let i = 0; i < urls.length; i += limit) {
    parts.push({
      name: `sitemap-${parts.length + 1}.xml`,
      content: urlset(urls.slice(i, i + limit)),
    })
  }
  const index = `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts
    .map((p) => `  <sitemap><loc>${escapeXml(`${siteUrl}/${p.name}`)}</loc></sitemap>`)
    .join('\n')}\n</sitemapindex>\n`
  return [{ name: 'sitemap.xml', content: index }, ...parts]
}

export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${siteUrl}/sitemap.xml\n`
}

export type FeedEntry = ListItem & { url: string }

/** A date for feeds: the article's, else the build's (undated articles have no better one). */
function entryDate(entry: FeedEntry, built: Date): Date {
  if (entry.date === null) return built
  const time = dateTime(entry.date)
  return Number.isNaN(time) ? built : new Date(time)
}

/** RSS 2.0 of the latest articles. */
export function rssFeed(siteUrl: string, entries: readonly FeedEntry[], built: Date): string {
  const items = entries.map((e) => {
    const lines = [
      `      <title>${escapeXml(e.title)}</title>`,
      `      <link>${escapeXml(e.url)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(e.url)}</guid>`,
      `      <description>${escapeXml(e.excerpt)}</description>`,
    ]
    if (e.date !== null) lines.push(`      <pubDate>${entryDate(e, built).toUTCString()}</pubDate>`)
    if (e.source !== null) {
      // RSS names an item's source with the URL of a feed; the site's own is the one there is.
      lines.push(
        `      <source url="${escapeXml(`${siteUrl}/rss.xml`)}">${escapeXml(e.source)}</source>`,
      )
    }
    return `    <item>\n${lines.join('\n')}\n    </item>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(site.name)}</title>
    <link>${escapeXml(`${siteUrl}/`)}</link>
    <description>${escapeXml(site.description)}</description>
    <atom:link href="${escapeXml(`${siteUrl}/rss.xml`)}" rel="self" type="application/rss+xml"/>
    <lastBuildDate>${built.toUTCString()}</lastBuildDate>
${items.join('\n')}
  </channel>
</rss>
`
}

/** Atom 1.0 of the latest articles. */
export function atomFeed(siteUrl: string, entries: readonly FeedEntry[], built: Date): string {
  const dates = entries.map((e) => entryDate(e, built).getTime())
  const updated = new Date(dates.length > 0 ? Math.max(...dates) : built.getTime()).toISOString()
  const items = entries.map((e) => {
    const lines = [
      `    <title>${escapeXml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`,
      `    <id>${escapeXml(e.url)}</id>`,
      `    <updated>${entryDate(e, built).toISOString()}</updated>`,
      `    <summary>${escapeXml(e.excerpt)}</summary>`,
    ]
    if (e.date !== null)
      lines.push(`    <published>${entryDate(e, built).toISOString()}</published>`)
    if (e.source !== null) lines.push(`    <author><name>${escapeXml(e.source)}</name></author>`)
    return `  <entry>\n${lines.join('\n')}\n  </entry>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(site.name)}</title>
  <subtitle>${escapeXml(site.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${escapeXml(`${siteUrl}/`)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${siteUrl}/atom.xml`)}"/>
  <id>${escapeXml(`${siteUrl}/`)}</id>
  <updated>${updated}</updated>
  <author><name>${escapeXml(site.name)}</name></author>
${items.join('\n')}
</feed>
`
}
