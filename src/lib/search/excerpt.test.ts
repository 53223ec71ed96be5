import { expect, it } from 'vitest'
import { EXCERPT_LENGTH, bestExcerpt, highlightRanges, termMatcher } from './excerpt.ts'

const marked = (text: string, ranges: ReadonlyArray<readonly [number, number]>) =>
  ranges.map(([s, e]) => text.slice(s, e))

it('highlights whole words by their terms, and words starting with the prefix', () => {
  const text = 'Hurricane makes landfall; hurricanes LANDFALLS in Louisiana’s coast'
  expect(marked(text, highlightRanges(text, ['hurricane'], null))).toEqual(['Hurricane'])
  expect(marked(text, highlightRanges(text, ['louisiana'], 'landf'))).toEqual([
    'landfall',
    'LANDFALLS',
    'Louisiana',
  ])
  expect(highlightRanges(text, [], null)).toEqual([])
})

it('gives offsets for hostile text without interpreting it', () => {
  const text = '<script>alert("x")</script><img src=x onerror=alert(1)>'
  const ranges = highlightRanges(text, ['script', 'alert'], null)
  expect(marked(text, ranges)).toEqual(['script', 'alert', 'script', 'alert'])
  for (const [s, e] of ranges) {
    expect(s).toBeGreaterThanOrEqual(0)
    expect(e).toBeLessThanOrEqual(text.length)
    expect(s).toBeLessThan(e)
  }
})

it('highlights accented and right-to-left words, offsets into the original text', () => {
  const text = 'Azərbaycan’s capital 😀 שלום'
  expect(marked(text, highlightRanges(text, ['azerbaycan', 'שלום'], null))).toEqual([
    'Azərbaycan',
    'שלום',
  ])
})

const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ')

it('cuts a passage around the best match at words, with marks where it was cut', () => {
  const paragraphs = [
    `Opening words of the article. ${filler(40)}`,
    `${filler(30)} the residents fear the river will flood again this spring ${filler(30)}`,
  ]
  const groups = new Map([
    ['residents', 0],
    ['fear', 1],
    ['flood', 2],
  ])
  const { excerpt, highlights } = bestExcerpt(paragraphs, termMatcher(groups, null), 'lead')
  expect(excerpt.startsWith('…')).toBe(true)
  expect(excerpt.endsWith('…')).toBe(true)
  expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 2)
  expect(marked(excerpt, highlights)).toEqual(['residents', 'fear', 'flood'])
  // Whole words at both ends.
  expect(excerpt.slice(1, -1)).toMatch(/^\S.*\S$/)
  expect(paragraphs[1]).toContain(excerpt.slice(1, -1))
})

it('prefers the passage with more of the query words, side by side', () => {
  const paragraphs = ['The residents met on Monday.', 'Later the residents fear more rain.']
  const groups = new Map([
    ['residents', 0],
    ['fear', 1],
  ])
  const { excerpt } = bestExcerpt(paragraphs, termMatcher(groups, null), 'lead')
  expect(excerpt).toBe('Later the residents fear more rain.')
})

it('falls back to the start of the article when the body has no match', () => {
  const paragraphs = [`First paragraph here. ${filler(60)}`]
  const { excerpt, highlights } = bestExcerpt(paragraphs, termMatcher(new Map(), null), 'lead')
  expect(excerpt.startsWith('First paragraph here.')).toBe(true)
  expect(excerpt.endsWith('…')).toBe(true)
  expect(highlights).toEqual([])
})
