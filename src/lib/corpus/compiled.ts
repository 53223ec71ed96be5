/**
 * The shapes and paths of the static data files the corpus compiles to. Shared by the compiler
 * (scripts/) that writes them and the app (src/features/articles/api) that reads them.
 */

export const PAGE_SIZE = 30

export type ListItem = {
  id: string
  slug: string
  title: string
  source: string | null
  sourceSlug: string | null
  date: string | null
  readingMinutes: number
  excerpt: string
  /** The story's language (BCP 47), for the `lang` and `dir` of its text; absent when unknown. */
  language?: string | null
}

export type NavLink = { id: string; slug: string; title: string }

/**
 * A related story, as the article page links to it. Its slug is written out only when it is not
 * `plainSlug(title)` (see relatedSlug): most titles are plain ASCII, and the page then needs
 * neither the slug in its data (about 110 B gzip more per article) nor `slugify`, whose
 * transliteration tables would add 1.8 kB gzip to the script of every first visit.
 */
export type RelatedLink = {
  id: string
  slug?: string
  title: string
  source: string | null
  date: string | null
}

/** The longest slug, cut at a word (as derive.ts cuts them). */
const SLUG_MAX = 80

/**
 * What `slugify` (derive.ts) gives a title of ASCII letters, digits and punctuation; for other
 * titles it may differ, and the compiler then writes the slug out.
 */
export function plainSlug(title: string): string {
  const slug = title
    .replace(/['’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= SLUG_MAX) return slug
  const cut = slug.slice(0, SLUG_MAX + 1)
  const hyphen = cut.lastIndexOf('-')
  return (hyphen > 0 ? cut.slice(0, hyphen) : slug.slice(0, SLUG_MAX)).replace(/-+$/g, '')
}

/** The URL slug of a related story. */
export function relatedSlug(link: RelatedLink): string {
  return link.slug ?? plainSlug(link.title)
}

export type ArticleData = ListItem & {
  wordCount: number
  author: string | null
  tags: string[]
  url: string | null
  language: string | null
  license: string | null
  /** The page of the home list this article stands on. */
  listPage: number
  /** The neighbours in the home list's order: previous is newer, next is older. */
  prev: NavLink | null
  next: NavLink | null
  /**
   * Up to 5 stories on the same subject, chosen from the text at build time, best first; absent
   * when nothing is related.
   */
  related?: RelatedLink[]
  paragraphs: string[]
}

export type SourceSummary = { name: string; slug: string; count: number; pageCount: number }

export type Manifest = {
  total: number
  pageSize: number
  pageCount: number
  sources: SourceSummary[]
  /** Oldest and newest dates in the corpus, when any article is dated. */
  dateRange: { first: string; last: string } | null
}

export type ListPage = {
  page: number
  pageCount: number
  total: number
  source: { name: string; slug: string } | null
  items: ListItem[]
}

/** Paths of the data files, relative to the versioned data folder. */
export const dataPaths = {
  manifest: () => 'manifest.json',
  listPage: (page: number) => `pages/${page}.json`,
  sourcePage: (sourceSlug: string, page: number) => `sources/${sourceSlug}/${page}.json`,
  article: (id: string) => `articles/${id.slice(0, 2)}/${id}.json`,
}

export const ARTICLE_ID_PATTERN = /^[0-9a-f]{16}$/
