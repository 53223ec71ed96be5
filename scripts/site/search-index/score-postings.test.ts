// @vitest-environment node
import { expect, it } from 'vitest'
import { BM25, ByteReader, SCORE_STEP, idf } from '../../../src/lib/search/index-format.ts'
import { articleStub } from './article-stub.ts'
import { collectWords, packCounts } from './collect-words.ts'
import { ScoredPostings, fieldScore, storedScore } from './score-postings.ts'

it('saturates a field score with its count and normalises it by the field length', () => {
  expect(fieldScore(0, 5, 5, BM25.bodyB)).toBe(0)
  // At the average length, tf / (tf + k1).
  expect(fieldScore(1, 5, 5, BM25.bodyB)).toBeCloseTo(1 / (1 + BM25.k1), 12)
  expect(fieldScore(2, 5, 5, BM25.bodyB)).toBeGreaterThan(fieldScore(1, 5, 5, BM25.bodyB))
  expect(fieldScore(1, 10, 5, BM25.bodyB)).toBeLessThan(fieldScore(1, 5, 5, BM25.bodyB))
})

it('stores a score in steps, at least one, with the lowest bit for a title word', () => {
  const lengths = { title: 2, body: 10, avgTitle: 2, avgBody: 10 }
  const body = fieldScore(1, 10, 10, BM25.bodyB)
  expect(storedScore(3, packCounts(0, 1), lengths)).toBe(Math.round((3 * body) / SCORE_STEP) * 2)
  const title = BM25.titleWeight * fieldScore(1, 2, 2, BM25.titleB)
  expect(storedScore(3, packCounts(1, 0), lengths)).toBe(
    Math.round((3 * title) / SCORE_STEP) * 2 + 1,
  )
  // A tiny weight still scores one step.
  expect(storedScore(1e-9, packCounts(0, 1), lengths)).toBe(2)
})

it('groups the postings by term and encodes each as document gaps, then scores', () => {
  const articles = [
    articleStub({ id: '0', title: 'Fox', paragraphs: ['fox fox bird'] }),
    articleStub({ id: '1', title: 'Bird', paragraphs: ['a bird'] }),
    articleStub({ id: '2', title: 'Fox', paragraphs: ['runs'] }),
  ]
  const words = collectWords(articles, Int32Array.from([0, 1, 2]))
  const postings = new ScoredPostings(words, 3)
  const fox = words.terms.indexOf('fox')
  expect(postings.df[fox]).toBe(2)
  expect(postings.df[words.terms.indexOf('bird')]).toBe(2)
  expect(postings.df[words.terms.indexOf('runs')]).toBe(1)

  // Released by the build once grouped: encoding does not need it.
  words.postTerm.release()
  const r = new ByteReader(postings.encode(fox))
  expect([r.varint(), r.varint()]).toEqual([0, 1]) // documents 0 and 2
  const lengths = { title: 1, body: 3, avgTitle: 1, avgBody: 2 }
  expect(r.varint()).toBe(storedScore(idf(3, 2), packCounts(1, 2), lengths))
  expect(r.varint()).toBe(storedScore(idf(3, 2), packCounts(1, 0), { ...lengths, body: 1 }))
  expect(r.done).toBe(true)
})
