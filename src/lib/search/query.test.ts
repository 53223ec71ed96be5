import { expect, it } from 'vitest'
import { MAX_QUERY_WORDS, parseQuery } from './query.ts'

const words = (q: string) => parseQuery(q).words.map((w) => w.term)

it('splits a query into normalised words, the last one a prefix while typing', () => {
  const parsed = parseQuery('Hong Kong prot')
  expect(parsed.words.map((w) => w.term)).toEqual(['hong', 'kong', 'prot'])
  expect(parsed.phrases).toEqual([])
  expect(parsed.prefix).toBe(true)
})

it('does not complete a word followed by a space or punctuation', () => {
  expect(parseQuery('hong kong ').prefix).toBe(false)
  expect(parseQuery('hong kong.').prefix).toBe(false)
})

it('reads quoted phrases, straight or typographic, and never completes a quoted word', () => {
  const parsed = parseQuery('"pro democracy camp" hong “kong police”')
  expect(parsed.words.map((w) => w.term)).toEqual([
    'pro',
    'democracy',
    'camp',
    'hong',
    'kong',
    'police',
  ])
  expect(parsed.phrases).toEqual([
    [0, 1, 2],
    [4, 5],
  ])
  expect(parsed.prefix).toBe(false)
})

it('takes a quoted single word as an exact word, and ignores a lone quote', () => {
  const single = parseQuery('"kipchoge"')
  expect(single.phrases).toEqual([])
  expect(single.words[0]?.phrase).toBe(-1)
  expect(single.prefix).toBe(false)
  const lone = parseQuery('hong "kong police')
  expect(lone.words.map((w) => w.term)).toEqual(['hong', 'kong', 'police'])
  expect(lone.phrases).toEqual([])
  expect(lone.words.map((w) => w.phrase)).toEqual([null, null, null])
})

it('keeps where each word stands in the query, to rewrite it with a correction', () => {
  const query = 'Showing  Azerbijan’s news'
  const [, word] = parseQuery(query).words
  expect(word && query.slice(word.start, word.end)).toBe('Azerbijan')
})

it('finds no words in punctuation, emoji or markup-only queries', () => {
  for (const q of [
    '',
    '   ',
    '!!!',
    '"',
    '""',
    '“”',
    '😀😀',
    '<>',
    '&lt;&gt;'.replace(/\w/g, ''),
  ]) {
    expect(parseQuery(q).words).toEqual([])
  }
  // Markup and malformed escapes are just words.
  expect(words('<script>alert(1)</script>')).toEqual(['script', 'alert', '1', 'script'])
  expect(words('%E0%A4%A')).toEqual(['e0', 'a4', 'a'])
})

it('bounds the work of a huge query to the first words', () => {
  const huge = 'word '.repeat(2000) + 'x'.repeat(10_000)
  const parsed = parseQuery(huge)
  expect(parsed.words).toHaveLength(MAX_QUERY_WORDS)
  expect(parsed.prefix).toBe(false)
})
