/**
 * The root file (index-format.ts, `root`): the JSON header (counts, constants, sources) and the
 * first term of each term shard after the first, which the engine reads first.
 */
import {
  ByteWriter,
  searchPaths,
  writeFrontCoded,
  type RootHeader,
} from '../../../src/lib/search/index-format.ts'
import type { PutFile } from './index-files.ts'

export function writeRoot(header: RootHeader, boundaries: readonly string[], put: PutFile): void {
  const root = new ByteWriter()
  root.string(JSON.stringify(header))
  writeFrontCoded(root, boundaries)
  put(searchPaths.root(), root.finish())
}
