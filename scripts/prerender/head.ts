import { site } from '../../src/config/site.ts'
import { escapeHtml, jsonForScript } from './escape.ts'

export type PageMeta = {
  /** The page's own title, without the site name. */
  title: string
  description: string
  /** Absolute canonical URL. */
  url: string
  type: 'website' | 'article'
  /** ISO 8601, articles only. */
  published?: string | null
  source?: string | null
  author?: string | null
  language?: string | null
}

const tag = (name: string, attrs: Record<string, string>) =>
  `<${name} ${Object.entries(attrs)
    .map(([k, v]) => `${k}="${escapeHtml(v)}"`)
    .join(' ')}>`

/**
 * What a link-preview bot reads: canonical link, Open Graph, Twitter card and, for articles,
 * JSON-LD NewsArticle. The <title> and meta description come from the app's own render. A value
 * that is missing leaves its tag out rather than writing an empty one.
 */
export function headTags(meta: PageMeta): string {
  const tags = [
    tag('link', { rel: 'canonical', href: meta.url }),
    tag('meta', { property: 'og:type', content: meta.type }),
    tag('meta', { property: 'og:title', content: meta.title }),
    tag('meta', { property: 'og:description', content: meta.description }),
    tag('meta', { property: 'og:url', content: meta.url }),
    tag('meta', { property: 'og:site_name', content: site.name }),
  ]
  if (meta.language) tags.push(tag('meta', { property: 'og:locale', content: meta.language }))
  if (meta.type === 'article' && meta.published) {
    tags.push(tag('meta', { property: 'article:published_time', content: meta.published }))
  }
  tags.push(
    tag('meta', { name: 'twitter:card', content: 'summary' }),
    tag('meta', { name: 'twitter:title', content: meta.title }),
    tag('meta', { name: 'twitter:description', content: meta.description }),
  )
  if (meta.type === 'article') {
    const jsonLd: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: meta.title,
      description: meta.description,
      url: meta.url,
      mainEntityOfPage: meta.url,
    }
    if (meta.published) jsonLd.datePublished = meta.published
    if (meta.source) jsonLd.publisher = { '@type': 'Organization', name: meta.source }
    if (meta.author) jsonLd.author = { '@type': 'Person', name: meta.author }
    if (meta.language) jsonLd.inLanguage = meta.language
    tags.push(`<script type="application/ld+json">${jsonForScript(jsonLd)}</script>`)
  }
  return tags.join('\n    ')
}
