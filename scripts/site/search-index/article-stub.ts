/** An article with every field set, for the unit tests of the index build's steps. */
import type { Article } from '../../../src/lib/corpus/types.ts'

export function articleStub(fields: Partial<Article> & { id: string }): Article {
  const title = fields.title ?? `Article ${fields.id}`
  const paragraphs = fields.paragraphs ?? ['Some text.']
  return {
    sequence: 0,
    file: `000_${fields.id}.txt`,
    title,
    slug: 'article',
    source: null,
    date: null,
    url: null,
    author: null,
    tags: [],
    language: null,
    license: null,
    paragraphs,
    excerpt: paragraphs[0] ?? '',
    wordCount: 0,
    readingMinutes: 1,
    ...fields,
  }
}
