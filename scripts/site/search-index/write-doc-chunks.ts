/**
 * Document chunks (index-format.ts, `d`): the article ids of DOC_CHUNK consecutive documents and
 * which of them are long articles, whose list fields go into a file of their own (`m`, see
 * write-long-meta.ts) written beside the chunk.
 */
import type { Article } from '../../../src/lib/corpus/types.ts'
import { ByteWriter, DOC_CHUNK, searchPaths } from '../../../src/lib/search/index-format.ts'
import type { DocumentOrder } from './document-order.ts'
import type { PutFile } from './index-files.ts'
import { writeLongMeta } from './write-long-meta.ts'

/** An article id (16 hex digits) as its 8 bytes; what is not hex reads as 0. */
export function idBytes(id: string): Uint8Array {
  const bytes = new Uint8Array(8)
  for (let i = 0; i < 8; i++) bytes[i] = parseInt(id.slice(i * 2, i * 2 + 2), 16) || 0
  return bytes
}

/**
 * Writes the chunks of every document, and the long-article files of those that have some: the
 * articles with more than `longChars` characters of body text.
 */
export function writeDocChunks(
  articles: readonly Article[],
  order: DocumentOrder,
  bodyChars: Int32Array,
  longChars: number,
  put: PutFile,
): void {
  const docs = order.rankOf.length
  for (let chunk = 0; chunk * DOC_CHUNK < docs; chunk++) {
    const w = new ByteWriter()
    const from = chunk * DOC_CHUNK
    const to = Math.min(docs, from + DOC_CHUNK)
    const long: number[] = []
    const longArticles: Article[] = []
    for (let doc = from; doc < to; doc++) {
      const article = articles[order.rankOf[doc] ?? 0]
      w.bytes(idBytes(article?.id ?? ''))
      if (article && (bodyChars[doc] ?? 0) > longChars) {
        long.push(doc - from)
        longArticles.push(article)
      }
    }
    w.varint(long.length)
    for (const local of long) w.varint(local)
    put(searchPaths.docChunk(chunk), w.finish())
    if (longArticles.length > 0) writeLongMeta(chunk, longArticles, order.slugs, put)
  }
}
