import { deflateSync } from 'node:zlib'

/** Where the writers put an index file: its path and its raw (not yet compressed) bytes. */
export type PutFile = (path: string, payload: Uint8Array) => void

export type FileKinds = Record<string, { files: number; bytes: number }>

/** The index's files as they are written: path -> deflated bytes, in the order written. */
export class IndexFiles {
  readonly files = new Map<string, Uint8Array>()
  private readonly level: number

  /** `level`: zlib level of every file. */
  constructor(level: number) {
    this.level = level
  }

  readonly put: PutFile = (path, payload) => {
    this.files.set(path, deflateSync(payload, { level: this.level }))
  }

  /** Compressed bytes in all, and files and bytes by kind (`t`, `b`, ..., `root`, `ranks`). */
  sizes(): { bytes: number; byKind: FileKinds } {
    const byKind: FileKinds = {}
    let bytes = 0
    for (const [path, content] of this.files) {
      const kind = path.split('/')[1]?.replace(/\.bin$/, '') ?? path
      const entry = (byKind[kind] ??= { files: 0, bytes: 0 })
      entry.files++
      entry.bytes += content.length
      bytes += content.length
    }
    return { bytes, byKind }
  }
}
