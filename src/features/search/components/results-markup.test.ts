import { expect, test, vi } from 'vitest'
import type { Markup, MarkupElement } from '@/lib/markup'
import type { SearchResult } from '@/lib/search/search-engine'
import { readSearchParams } from '../utils/search-params'
import { resultsMarkup } from './results-markup'

// What the markup says, beyond what the early draw and the app agree on (early-draw.test.tsx):
// the parts only the app's render uses, and that a change of one leaves the other as it was.

const result: SearchResult = {
  query: 'floods',
  correctedQuery: null,
  total: 25,
  hits: [
    {
      id: 'a'.repeat(16),
      slug: 'story',
      title: 'Floods',
      source: 'Daily Test',
      sourceSlug: 'daily-test',
      date: '2024-03-01',
      titleHighlights: [[0, 6]],
      excerpt: 'the floods',
      excerptHighlights: [[4, 10]],
    },
  ],
  sources: [{ name: 'Daily Test', slug: 'daily-test', count: 25 }],
  terms: ['floods'],
  prefixTerm: null,
}
const state = readSearchParams(new URLSearchParams('q=floods&source=daily-test'))

/** Every element of `markup`, depth first. */
function elements(markup: Markup): MarkupElement[] {
  if (typeof markup === 'string') return []
  return [markup, ...(markup.children ?? []).flatMap(elements)]
}

const find = (markup: Markup, tag: string) => elements(markup).filter((e) => e.tag === tag)

test('the filters and sorts replace the history entry, and mark the one in force', () => {
  const chips = find(resultsMarkup(result, state), 'a').filter((a) => a.attrs?.class === 'chip')
  expect(chips.map((chip) => [chip.to, chip.replace, chip.attrs?.['aria-current']])).toEqual([
    ['/search?q=floods', true, false],
    ['/search?q=floods&source=daily-test', true, 'page'],
    ['/search?q=floods&source=daily-test', true, 'page'],
    ['/search?q=floods&source=daily-test&sort=newest', true, false],
  ])
})

test('a result opens its article with the way back and the words to highlight', () => {
  const [title] = find(resultsMarkup(result, state, { from: '/search?q=floods' }), 'h2')
  expect(title?.children?.[0]).toMatchObject({
    tag: 'a',
    to: `/articles/${'a'.repeat(16)}/story`,
    state: { from: '/search?q=floods', highlight: { terms: ['floods'], prefix: null } },
    children: [{ tag: 'mark', children: ['Floods'] }],
  })
})

test('while an earlier search shows, the results are busy and "more" waits', () => {
  const onMore = vi.fn()
  const fresh = resultsMarkup(result, state, { onMore })
  const stale = resultsMarkup(result, state, { stale: true, onMore })
  expect([fresh.attrs?.['aria-busy'], stale.attrs?.['aria-busy']]).toEqual(['false', 'true'])
  const [button] = find(fresh, 'button')
  expect(button?.attrs?.disabled).toBe(false)
  expect(find(stale, 'button')[0]?.attrs?.disabled).toBe(true)
  button?.onClick?.()
  expect(onMore).toHaveBeenCalledTimes(1)
})

test('all results shown: no "more" button', () => {
  expect(find(resultsMarkup({ ...result, total: 1 }, state), 'button')).toEqual([])
})
