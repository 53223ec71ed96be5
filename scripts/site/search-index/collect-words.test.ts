// @vitest-environment node
import { expect, it } from 'vitest'
import { articleStub } from './article-stub.ts'
import { bodyCount, collectWords, packCounts, titleCount } from './collect-words.ts'

function collect(articles: Array<{ title: string; paragraphs: string[] }>) {
  const stubs = articles.map((a, i) => articleStub({ id: String(i), ...a }))
  // Documents in reverse order of the articles, to see that rankOf is followed.
  const rankOf = Int32Array.from(stubs.map((_, i) => stubs.length - 1 - i))
  const words = collectWords(stubs, rankOf)
  const postings = Array.from({ length: words.postDoc.length }, (_, p) => ({
    term: words.terms[words.postTerm.data[p] ?? -1],
    doc: words.postDoc.data[p],
    title: titleCount(words.postTf.data[p] ?? 0),
    body: bodyCount(words.postTf.data[p] ?? 0),
  }))
  const pairs = Array.from({ length: words.pairDoc.length }, (_, i) => words.pairDoc.data[i])
  return { words, postings, pairs }
}

it('collects one posting per term and document, with its title and body counts', () => {
  const { words, postings } = collect([
    { title: 'Red fox', paragraphs: ['The fox runs.', 'Fox again, red.'] },
    { title: 'Bird', paragraphs: ['A bird.'] },
  ])
  expect(words.terms).toEqual(['bird', 'a', 'red', 'fox', 'the', 'runs', 'again'])
  expect(postings).toEqual([
    { term: 'bird', doc: 0, title: 1, body: 1 },
    { term: 'a', doc: 0, title: 0, body: 1 },
    { term: 'red', doc: 1, title: 1, body: 1 },
    { term: 'fox', doc: 1, title: 1, body: 2 },
    { term: 'the', doc: 1, title: 0, body: 1 },
    { term: 'runs', doc: 1, title: 0, body: 1 },
    { term: 'again', doc: 1, title: 0, body: 1 },
  ])
  expect(Array.from(words.titleLength)).toEqual([1, 2])
  expect(Array.from(words.bodyLength)).toEqual([2, 6])
  expect(Array.from(words.bodyChars)).toEqual([7, 28])
})

it('collects each adjacent pair once per document, never across the end of a field', () => {
  // Title pair (a b); paragraph pairs (a b) again, (b a); the paragraphs' (b | a) is not a pair.
  const { pairs } = collect([{ title: 'A b', paragraphs: ['a b a b', 'a'] }])
  expect(pairs).toEqual([0, 0])
  const { pairs: none } = collect([{ title: 'One', paragraphs: ['two', 'three'] }])
  expect(none).toEqual([])
})

it('clamps the counts it packs into one int', () => {
  expect(titleCount(packCounts(3, 5))).toBe(3)
  expect(bodyCount(packCounts(3, 5))).toBe(5)
  expect(titleCount(packCounts(5000, 0))).toBe(1023)
  expect(bodyCount(packCounts(0, 2 ** 21))).toBe(2 ** 20 - 1)
  expect(titleCount(packCounts(1023, 2 ** 20 - 1))).toBe(1023)
})
