/**
 * Markup as plain data: a tree of tags, attributes and text that a view describes once and two
 * converters draw, React (`src/components/ui/markup.tsx`) and the DOM (the search page's early
 * script, `src/app/start/early-draw.ts`, which runs before React has loaded). The search results
 * are described so (`results-markup.ts`), and text with highlighted words here.
 */
export type Markup = string | MarkupElement

export type MarkupElement = {
  tag: string
  /** By their HTML names (`class`, `datetime`); `false` leaves one out, `true` sets it empty. */
  attrs?: Readonly<Record<string, string | boolean>>
  children?: readonly Markup[]
  /** React's key among its siblings. */
  key?: string | number
  /**
   * On an `a`: the app's path, without the site's base. React renders the router's <Link>, which
   * navigates within the app; the DOM a plain link under the base (`data-discover` as <Link> has).
   */
  to?: string
  /** A router link's history entry and state; a plain link has neither. */
  replace?: boolean
  state?: unknown
  onClick?: () => void
  /**
   * A place for what only the running app draws (a search result's Save button): React renders
   * what its renderer for `name` makes of `data`, the DOM draws nothing there.
   */
  slot?: { name: string; data: unknown }
}

export type Range = readonly [start: number, end: number]

/**
 * `text` with <mark> around `ranges` (sorted, non-overlapping offsets into text; one out of order
 * or out of bounds is skipped): as markup, never as an HTML string.
 */
export function highlight(text: string, ranges: readonly Range[]): Markup[] {
  const parts: Markup[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start < at || end <= start || end > text.length) continue
    if (start > at) parts.push(text.slice(at, start))
    parts.push({ tag: 'mark', key: start, children: [text.slice(start, end)] })
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return parts
}
