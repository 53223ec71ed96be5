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
}

export type NavLink = { id: string; slug: string; title: string }

/**
 * A related story, as the article page links to it. No slug: it is `slugify(title)`, and leaving
 * it out keeps the list within its byte budget (it would be written twice on every page).
 */
export type RelatedLink = { id: string; title: string; source: string | null; date: string | null }

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
