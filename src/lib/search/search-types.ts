/** What a search is asked and what it answers (search-engine.ts exports these). */
import type { Highlight } from './excerpt.ts'

export type SearchSort = 'relevance' | 'newest'
export type SearchOptions = {
  source: string | null
  sort: SearchSort
  limit: number
  /** Correct typos when the words as typed find nothing (default true; false: "search instead"). */
  correct?: boolean
}
export type SearchHit = {
  id: string
  slug: string
  title: string
  source: string | null
  sourceSlug: string | null
  date: string | null
  /** The story's language (BCP 47), for the `lang` and `dir` of its title and excerpt. */
  language?: string | null
  /** Offsets into `title`. */
  titleHighlights: Highlight[]
  /** A passage around the best match (about 200 characters, cut at words, '…' where cut). */
  excerpt: string
  /** Offsets into `excerpt`. */
  excerptHighlights: Highlight[]
}
export type SearchResult = {
  /** The query as given. */
  query: string
  /** The query actually searched when a typo was corrected, else null. */
  correctedQuery: string | null
  /** Matches, after the source filter. */
  total: number
  /** The first `limit` matches in the chosen order. */
  hits: SearchHit[]
  /** Matches per source, before the source filter. */
  sources: Array<{ name: string; slug: string; count: number }>
  /** The normalised terms searched (to highlight in the article view). */
  terms: string[]
  /** The last term, when it was matched as a prefix too. */
  prefixTerm: string | null
}
