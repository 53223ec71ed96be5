/**
 * The results view's markup, written once for its two renderers: `SearchResults` turns it into
 * React elements, and the search page's early script into DOM nodes as soon as a shared link's
 * results arrive, before the app's code has loaded (`src/app/start/early-draw.ts`). The app then
 * renders the same results from the query cache (`seedEarlySearch`), and nothing on the page
 * moves. Free of React, so the early script loads none of it.
 */
import { paths } from '@/config/paths'
import type { SearchHit, SearchResult } from '@/lib/search/search-engine'
import { formatDate } from '@/lib/format'
import { highlight, type Markup, type MarkupElement } from '@/lib/markup'
import { textProps } from '@/lib/text-direction'
import { resultCount, SORT_CHOICES, sourceChipLabel } from '../utils/result-text'
import { searchHref, type SearchUrlState } from '../utils/search-params'
import { toStoryRef } from '@/lib/reader-store/schema'

export type ResultsMarkupOptions = {
  /** Showing an earlier search's results while the next one runs: dimmed, "more" disabled. */
  stale?: boolean
  /** The page's own path and query, which an opened article links back to. */
  from?: string
  /** Shows more results; without it (the early draw) the button does nothing until the app runs. */
  onMore?: () => void
}

/** An element: its tag, attributes and children, then what else it has (a link's path, a key). */
function h(
  tag: string,
  attrs: MarkupElement['attrs'],
  children: readonly Markup[],
  more?: Omit<MarkupElement, 'tag' | 'attrs' | 'children'>,
): MarkupElement {
  return { tag, attrs, children, ...more }
}

/** `result`, arrived, for the search `state`: status, correction, filters, results, "more". */
export function resultsMarkup(
  result: SearchResult,
  state: SearchUrlState,
  { stale = false, from, onMore }: ResultsMarkupOptions = {},
): MarkupElement {
  const children: Markup[] = [
    // The query these results are for: an earlier one's while the next query runs (`stale`).
    h('p', { class: 'search-status', role: 'status' }, [resultCount(result, result.query)]),
  ]
  if (result.correctedQuery !== null) {
    children.push(
      h('p', { class: 'correction' }, [
        'Showing results for ',
        h('strong', {}, [result.correctedQuery]),
        '. ',
        h('a', {}, [`Search instead for ${state.q}`], {
          to: searchHref({ ...state, exact: true }),
        }),
      ]),
    )
  }
  if (result.total > 0 || state.source !== null) children.push(filters(result, state))
  children.push(
    result.total === 0
      ? h('p', { class: 'muted' }, ['Check the spelling, or try fewer or other words.'])
      : h(
          'ol',
          { class: 'article-list' },
          result.hits.map((hit) => h('li', {}, [item(hit, result, from)], { key: hit.id })),
        ),
  )
  if (result.hits.length < result.total) {
    children.push(
      h('p', {}, [
        h('button', { type: 'button', class: 'button', disabled: stale }, ['Show more results'], {
          onClick: onMore,
        }),
      ]),
    )
  }
  return h(
    'div',
    { class: 'search-results', 'aria-busy': String(stale), 'data-query': result.query },
    children,
  )
}

function filters(result: SearchResult, state: SearchUrlState): MarkupElement {
  // A filter or sort choice: a link that replaces the history entry, marked when it is in force.
  const chip = (key: string, to: string, current: boolean, label: string) =>
    h(
      'li',
      {},
      [
        h('a', { class: 'chip', 'aria-current': current && 'page' }, [label], {
          to,
          replace: true,
        }),
      ],
      { key },
    )
  const all = result.sources.reduce((sum, s) => sum + s.count, 0)
  return h('div', { class: 'search-filters' }, [
    h('nav', { 'aria-label': 'Filter by source' }, [
      h('ul', { class: 'chips' }, [
        chip(
          '',
          searchHref({ ...state, source: null }),
          state.source === null,
          sourceChipLabel(null, all),
        ),
        ...result.sources.map((source) =>
          chip(
            source.slug,
            searchHref({ ...state, source: source.slug }),
            state.source === source.slug,
            sourceChipLabel(source.name, source.count),
          ),
        ),
      ]),
    ]),
    h('nav', { 'aria-label': 'Sort results' }, [
      h(
        'ul',
        { class: 'chips' },
        SORT_CHOICES.map(({ sort, label }) =>
          chip(sort, searchHref({ ...state, sort }), state.sort === sort, label),
        ),
      ),
    ]),
  ])
}

/** The slot of a result's Save and read-state buttons. */
export const STORY_ACTIONS_SLOT = 'story-actions'

function item(hit: SearchHit, result: SearchResult, from: string | undefined): MarkupElement {
  const meta: Markup[] = []
  if (hit.source !== null && hit.sourceSlug !== null) {
    meta.push(h('a', { class: 'meta-source' }, [hit.source], { to: paths.source(hit.sourceSlug) }))
  }
  if (hit.date !== null) meta.push(h('time', { datetime: hit.date }, [formatDate(hit.date)]))
  // The story's own language and direction on its text, not on the meta line the app writes.
  const text = textProps(hit.language)
  return h('article', { class: 'card' }, [
    h('h2', { class: 'card-title', ...text }, [
      h('a', {}, highlight(hit.title, hit.titleHighlights), {
        to: paths.article(hit.id, hit.slug),
        // The article highlights the searched words, and leads back to these results.
        state: { from, highlight: { terms: result.terms, prefix: result.prefixTerm } },
      }),
    ]),
    h('p', { class: 'meta' }, meta),
    h('p', { class: 'card-excerpt', ...text }, highlight(hit.excerpt, hit.excerptHighlights)),
    // Save and read state, which the running app draws (STORY_ACTIONS_SLOT).
    { tag: 'div', slot: { name: STORY_ACTIONS_SLOT, data: toStoryRef(hit) } },
  ])
}
