/**
 * Long-article files (index-format.ts, `m`): the list fields (title, slug, date, lead excerpt...)
 * of the long articles of a document chunk, whose own files are too large to load for a result.
 */
import type { Article } from '../../../src/lib/corpus/types.ts'
import { ByteWriter, searchPaths } from '../../../src/lib/search/index-format.ts'
import type { PutFile } from './index-files.ts'

/** Writes the list fields of chunk `chunk`'s long articles, in the order of the chunk. */
export function writeLongMeta(
  chunk: number,
  long: readonly Article[],
  slugs: ReadonlyMap<string, string>,
  put: PutFile,
): void {
  const meta = new ByteWriter()
  meta.string(
    JSON.stringify(
      long.map((a) => ({
        id: a.id,
        slug: a.slug,
        title: a.title,
        source: a.source,
        sourceSlug: a.source === null ? null : (slugs.get(a.source) ?? null),
        date: a.date,
        excerpt: a.excerpt,
        ...(a.language !== null ? { language: a.language } : {}),
      })),
    ),
  )
  put(searchPaths.longMeta(chunk), meta.finish())
}
