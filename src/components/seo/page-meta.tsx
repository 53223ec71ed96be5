import { site } from '@/config/site'
import { canonicalUrl } from '@/config/site-url'
import { isoDate } from '@/lib/corpus/dates'

export type PageMetaProps = {
  /** The page's own title; the site name is added. */
  title: string
  description: string
  /** The app path of the canonical URL; none for pages that should not be indexed. */
  path: string | null
  type?: 'website' | 'article'
  /** ISO 8601, for articles. */
  published?: string | null
  source?: string | null
  author?: string | null
  language?: string | null
}

/** JSON for inside a <script>: no `<` at all, so no `</script>` or `<!--`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c')
}

/**
 * A page's document metadata: title, description, canonical link, Open Graph, Twitter card and,
 * for articles, JSON-LD NewsArticle. React hoists the tags into the head, in the prerendered HTML
 * and on every client navigation alike. A missing value leaves its tag out.
 */
export function PageMeta({
  title,
  description,
  path,
  type = 'website',
  published = null,
  source = null,
  author = null,
  language = null,
}: PageMetaProps) {
  const fullTitle = `${title} · ${site.name}`
  if (path === null) {
    return (
      <>
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        <meta name="robots" content="noindex" />
      </>
    )
  }
  const url = canonicalUrl(path)
  const jsonLd =
    type === 'article'
      ? {
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: title,
          description,
          url,
          mainEntityOfPage: url,
          ...(published ? { datePublished: isoDate(published) } : {}),
          ...(source ? { publisher: { '@type': 'Organization', name: source } } : {}),
          ...(author ? { author: { '@type': 'Person', name: author } } : {}),
          ...(language ? { inLanguage: language } : {}),
        }
      : null
  return (
    <>
      <title>{fullTitle}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={url} />
      <meta property="og:type" content={type} />
      <meta property="og:title" content={type === 'article' ? title : fullTitle} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={site.name} />
      {type === 'article' && published ? (
        <meta property="article:published_time" content={isoDate(published)} />
      ) : null}
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={type === 'article' ? title : fullTitle} />
      <meta name="twitter:description" content={description} />
      {jsonLd !== null ? <script type="application/ld+json">{scriptJson(jsonLd)}</script> : null}
    </>
  )
}
