/**
 * Whether the page that arrived is the page that was asked for, checked before its body paints.
 * A host may answer a URL with another URL's prerendered page: `/?page=2` or `/search?q=words`
 * with the home page (hosts that rewrite unknown paths to /index.html), `/search?q=words` with
 * search.html, prerendered for the empty search. Its markup must not be shown under this URL.
 *
 * Every prerendered page says which URL it was rendered for, in `data-path` on <html> (written by
 * scripts/site/prerender/page-html.ts; shell.html and 404.html have none, and nothing in #root).
 * The page's head script (early-head.ts) runs this before the body is parsed: when the URL
 * differs, `data-page-mismatch` on <html> has the stylesheet hide what <main> holds and draw a
 * skeleton in its place, until the app renders the page anew (start.tsx) or the search page's
 * early script draws the query's results (search-early.ts); each clears the mark. docs/startup.md.
 *
 * The comparison is the app's own (prerendered.ts): path and query, exactly. When the app would
 * hydrate, the page is its own, and nothing is hidden.
 */

/** What the stylesheet draws in place of the page's content: the route's skeleton. */
export type MismatchSkeleton = 'list' | 'article'

type Address = Pick<Location, 'href' | 'pathname' | 'search'>

/** Marks <html> with `data-page-mismatch` when it was prerendered for another URL than `location`. */
export function markMismatchedPage(doc: Document, location: Address): void {
  const root = doc.documentElement
  const renderedFor = root.dataset.path
  if (renderedFor === undefined) return
  // Through the URL parser, so both sides are encoded alike.
  const page = new URL(renderedFor, location.href)
  if (page.pathname + page.search === location.pathname + location.search) return
  const skeleton: MismatchSkeleton = /\/articles\/[^/]/.test(location.pathname) ? 'article' : 'list'
  root.dataset.pageMismatch = skeleton
}

/** For the app and the search page's early draw, once the page shows what its URL asks for. */
export function clearMismatch(doc: Document): void {
  delete doc.documentElement.dataset.pageMismatch
}
