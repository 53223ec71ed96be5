// @vitest-environment node
import { expect, it } from 'vitest'
import { DOC_CHUNK } from '../../../src/lib/search/index-format.ts'
import { readDocChunk, readLongMeta } from '../../../src/lib/search/index-reader.ts'
import { articleStub } from './article-stub.ts'
import { documentOrder } from './document-order.ts'
import { idBytes, writeDocChunks } from './write-doc-chunks.ts'

it('turns an article id into its 8 bytes, what is not hex into 0', () => {
  expect(Array.from(idBytes('0123456789abcdef'))).toEqual([1, 35, 69, 103, 137, 171, 205, 239])
  expect(Array.from(idBytes('zz'))).toEqual([0, 0, 0, 0, 0, 0, 0, 0])
})

it('writes the ids of each chunk and the list fields of its long articles beside it', () => {
  const articles = Array.from({ length: DOC_CHUNK + 2 }, (_, i) =>
    articleStub({ id: i.toString(16).padStart(16, '0'), title: `Story ${i}`, source: 'AP' }),
  )
  const order = documentOrder(articles)
  const chars = Int32Array.from(articles, (_, doc) => (doc === 1 || doc === DOC_CHUNK ? 500 : 10))
  const files = new Map<string, Uint8Array>()
  writeDocChunks(articles, order, chars, 100, (path, bytes) => files.set(path, bytes))
  expect([...files.keys()]).toEqual([
    'search/d/0.bin',
    'search/m/0.bin',
    'search/d/1.bin',
    'search/m/1.bin',
  ])
  const read = (path: string) => files.get(path) ?? new Uint8Array(0)
  const first = readDocChunk(read('search/d/0.bin'), DOC_CHUNK)
  expect(first.ids[2]).toBe('0000000000000002')
  expect(first.long).toEqual([1])
  expect(readDocChunk(read('search/d/1.bin'), 2).long).toEqual([0])
  const [meta] = readLongMeta(read('search/m/1.bin'))
  expect(meta?.title).toBe(`Story ${DOC_CHUNK}`)
  expect(meta?.sourceSlug).toBe('ap')
})
