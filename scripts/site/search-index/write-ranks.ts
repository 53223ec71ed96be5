/**
 * The ranks file (index-format.ts, `ranks`): each document's place in the newest-first order, for
 * sorting by date, gap-coded within each source (within a source, documents are newest first).
 */
import { ByteWriter, searchPaths } from '../../../src/lib/search/index-format.ts'
import type { DocumentOrder } from './document-order.ts'
import type { PutFile } from './index-files.ts'

export function writeRanks(order: DocumentOrder, put: PutFile): void {
  const ranks = new ByteWriter()
  const starts = new Set([...order.sources.map((s) => s.start), order.unsourced.start])
  let prevRank = -1
  for (let doc = 0; doc < order.rankOf.length; doc++) {
    if (starts.has(doc)) prevRank = -1
    const rank = order.rankOf[doc] ?? 0
    ranks.varint(rank - prevRank - 1)
    prevRank = rank
  }
  put(searchPaths.ranks(), ranks.finish())
}
