import { expect, it } from 'vitest'
import { makeArticle } from '@/testing/data'
import { isArticleData, isListItem } from './validate'

const link = { id: 'c79c02568b4c9959', title: 'A related story', source: 'Wire', date: null }

it('accepts an article with related stories, and one without the list', () => {
  expect(isArticleData(makeArticle(1, { related: [link] }))).toBe(true)
  expect(isArticleData(makeArticle(1, { related: [link, { ...link, source: null }] }))).toBe(true)
  expect(isArticleData(makeArticle(1, { related: [{ ...link, slug: 'other' }] }))).toBe(true)
  expect(isArticleData(makeArticle(1))).toBe(true)
})

it('rejects a related list that is not a list of links', () => {
  const noId = { title: link.title, source: link.source, date: link.date }
  const badSlug = { ...link, slug: null }
  for (const related of [
    null,
    'stories',
    { 0: link },
    [noId],
    [{ ...link, date: 2024 }],
    [badSlug],
    [1],
  ]) {
    expect(isArticleData({ ...makeArticle(1), related })).toBe(false)
  }
})

it("checks a list item's language: a string, null or absent", () => {
  const item = makeArticle(1)
  expect(isListItem({ ...item, language: 'th' })).toBe(true)
  expect(isListItem({ ...item, language: null })).toBe(true)
  expect(isListItem({ ...item, language: undefined })).toBe(true)
  for (const language of [7, ['th'], { tag: 'th' }]) {
    expect(isListItem({ ...item, language })).toBe(false)
  }
})
