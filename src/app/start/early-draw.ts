/**
 * The search page's early draw: a shared link's results, drawn by the early script
 * (`search-early.ts`) into the prerendered search view as soon as they arrive, before the app's
 * code has loaded. The markup is the results view's own (`results-markup.ts`), which the app then
 * renders again with React, unchanged; only its conversion to DOM nodes is here. Links are plain
 * until the app takes over; the "more" button works from then on.
 */
import { resultsMarkup } from '@/features/search/components/results-markup'
import { searchHeading } from '@/features/search/utils/result-text'
import type { SearchUrlState } from '@/features/search/utils/search-params'
import type { SearchResult } from '@/lib/search/search-engine'
import type { Markup } from '@/lib/markup'

/** `markup` as DOM nodes; a link's path goes under `base`, the path the site is served from. */
export function markupToDom(doc: Document, base: string, markup: Markup): Node {
  if (typeof markup === 'string') return doc.createTextNode(markup)
  // What only the running app draws (a result's Save button) waits for it.
  if (markup.slot !== undefined) return doc.createTextNode('')
  const node = doc.createElement(markup.tag)
  for (const [name, value] of Object.entries(markup.attrs ?? {})) {
    if (value !== false) node.setAttribute(name, value === true ? '' : value)
  }
  if (markup.to !== undefined) {
    node.setAttribute('href', `${base}${markup.to}`)
    node.setAttribute('data-discover', 'true')
  }
  if (markup.onClick) node.addEventListener('click', markup.onClick)
  for (const child of markup.children ?? []) node.append(markupToDom(doc, base, child))
  return node
}

/**
 * Turns the prerendered search view (`section`, rendered for the empty search) into the view of
 * `state`'s query with `result`: its heading, then the results in place of the latest articles.
 */
export function drawSearchResults(
  section: HTMLElement,
  base: string,
  result: SearchResult,
  state: SearchUrlState,
): void {
  const heading = section.querySelector('h1')
  if (heading === null) return
  heading.textContent = searchHeading(state.q.trim())
  while (heading.nextSibling !== null) heading.nextSibling.remove()
  // The results' links carry the results' own query, as the app's do (SearchResults).
  const own = { ...state, q: result.query }
  section.append(markupToDom(section.ownerDocument, base, resultsMarkup(result, own)))
}
