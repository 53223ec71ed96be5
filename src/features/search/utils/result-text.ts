/**
 * The words of the search view: its heading, which the search page's early script also sets
 * (`src/app/start/early-draw.ts`), and the results view's (`results-markup.ts`).
 */
import type { SearchResult, SearchSort } from '@/lib/search/search-engine'
import { formatNumber } from '@/lib/format'

export const SORT_CHOICES: readonly { sort: SearchSort; label: string }[] = [
  { sort: 'relevance', label: 'Most relevant' },
  { sort: 'newest', label: 'Newest first' },
]

/** The status line above the results. */
export function resultCount(result: SearchResult, q: string): string {
  const searched = result.correctedQuery ?? q
  if (result.total === 0) return `No results for “${searched}”.`
  const count = formatNumber(result.total)
  return `${count} ${result.total === 1 ? 'result' : 'results'} for “${searched}”`
}

/** A source filter's label: all sources, or one, with its number of matches. */
export function sourceChipLabel(name: string | null, count: number): string {
  return `${name ?? 'All sources'} (${formatNumber(count)})`
}

/** The view's heading for a query (trimmed), or for the empty search. */
export function searchHeading(q: string): string {
  return q === '' ? 'Search' : `Search: ${q}`
}
