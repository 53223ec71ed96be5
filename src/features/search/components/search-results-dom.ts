/**
 * The results of a shared search link, drawn by the search page's early script
 * (`src/search-early.ts`) without React, as soon as they arrive: the app's code is larger than
 * the query's index files, and the results would otherwise wait for it. The app then renders the
 * same results anew from the query cache (`seedEarlySearch`), so the markup here must be what
 * `SearchResults` renders for them, node for node: `search-results-dom.test.tsx` compares the
 * two. Links are plain until the app takes over; the "more" button works from then on.
 */
import type { Highlight, SearchHit, SearchResult } from '@/lib/search/search-engine'
import { paths } from '@/config/paths'
import { formatDate } from '@/lib/format'
import { resultCount, searchHeading, SORT_CHOICES, sourceChipLabel } from '../utils/result-text'
import { searchHref, type SearchUrlState } from '../utils/search-params'

type Child = Node | string

function element(
  doc: Document,
  tag: string,
  attributes: Record<string, string>,
  children: readonly Child[] = [],
): HTMLElement {
  const node = doc.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  node.append(...children)
  return node
}

/** A link as the router's <Link> renders it: the site's base before the app's path. */
function link(
  doc: Document,
  base: string,
  to: string,
  attributes: Record<string, string>,
  children: readonly Child[],
) {
  return element(
    doc,
    'a',
    { ...attributes, href: `${base}${to}`, 'data-discover': 'true' },
    children,
  )
}

/** `text` with <mark> around `ranges`, as `HighlightedText` does (bad ranges are skipped). */
function highlighted(doc: Document, text: string, ranges: readonly Highlight[]): Child[] {
  const parts: Child[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start < at || end <= start || end > text.length) continue
    if (start > at) parts.push(text.slice(at, start))
    parts.push(element(doc, 'mark', {}, [text.slice(start, end)]))
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return parts
}

function filters(doc: Document, base: string, result: SearchResult, state: SearchUrlState) {
  const chip = (to: string, current: boolean, label: string) =>
    element(doc, 'li', {}, [
      link(doc, base, to, { class: 'chip', ...(current ? { 'aria-current': 'page' } : {}) }, [
        label,
      ]),
    ])
  const all = result.sources.reduce((sum, s) => sum + s.count, 0)
  return element(doc, 'div', { class: 'search-filters' }, [
    element(doc, 'nav', { 'aria-label': 'Filter by source' }, [
      element(doc, 'ul', { class: 'chips' }, [
        chip(
          searchHref({ ...state, source: null }),
          state.source === null,
          sourceChipLabel(null, all),
        ),
        ...result.sources.map((source) =>
          chip(
            searchHref({ ...state, source: source.slug }),
            state.source === source.slug,
            sourceChipLabel(source.name, source.count),
          ),
        ),
      ]),
    ]),
    element(doc, 'nav', { 'aria-label': 'Sort results' }, [
      element(
        doc,
        'ul',
        { class: 'chips' },
        SORT_CHOICES.map(({ sort, label }) =>
          chip(searchHref({ ...state, sort }), state.sort === sort, label),
        ),
      ),
    ]),
  ])
}

function item(doc: Document, base: string, hit: SearchHit) {
  const meta: Child[] = []
  if (hit.source !== null && hit.sourceSlug !== null) {
    meta.push(link(doc, base, paths.source(hit.sourceSlug), { class: 'meta-source' }, [hit.source]))
  }
  if (hit.date !== null)
    meta.push(element(doc, 'time', { datetime: hit.date }, [formatDate(hit.date)]))
  return element(doc, 'li', {}, [
    element(doc, 'article', { class: 'card' }, [
      element(doc, 'h2', { class: 'card-title' }, [
        link(
          doc,
          base,
          paths.article(hit.id, hit.slug),
          {},
          highlighted(doc, hit.title, hit.titleHighlights),
        ),
      ]),
      element(doc, 'p', { class: 'meta' }, meta),
      element(
        doc,
        'p',
        { class: 'card-excerpt' },
        highlighted(doc, hit.excerpt, hit.excerptHighlights),
      ),
    ]),
  ])
}

/** What `SearchResults` renders for `result`, arrived and current, as DOM nodes. */
export function searchResultsElement(
  doc: Document,
  base: string,
  result: SearchResult,
  state: SearchUrlState,
): HTMLElement {
  const children: Child[] = [
    element(doc, 'p', { class: 'search-status', role: 'status' }, [resultCount(result, state.q)]),
  ]
  if (result.correctedQuery !== null) {
    children.push(
      element(doc, 'p', { class: 'correction' }, [
        'Showing results for ',
        element(doc, 'strong', {}, [result.correctedQuery]),
        '. ',
        link(doc, base, searchHref({ ...state, exact: true }), {}, [
          `Search instead for ${state.q}`,
        ]),
      ]),
    )
  }
  if (result.total > 0 || state.source !== null) children.push(filters(doc, base, result, state))
  children.push(
    result.total === 0
      ? element(doc, 'p', { class: 'muted' }, ['Check the spelling, or try fewer or other words.'])
      : element(
          doc,
          'ol',
          { class: 'article-list' },
          result.hits.map((hit) => item(doc, base, hit)),
        ),
  )
  if (result.hits.length < result.total) {
    children.push(
      element(doc, 'p', {}, [
        element(doc, 'button', { type: 'button', class: 'button' }, ['Show more results']),
      ]),
    )
  }
  return element(doc, 'div', { class: 'search-results', 'aria-busy': 'false' }, children)
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
  const doc = section.ownerDocument
  const heading = section.querySelector('h1')
  if (heading === null) return
  heading.textContent = searchHeading(state.q.trim())
  while (heading.nextSibling !== null) heading.nextSibling.remove()
  section.append(searchResultsElement(doc, base, result, state))
}
