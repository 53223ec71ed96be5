import { lstatSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_MAX_BYTES, parseArticle } from '../../../src/lib/corpus/parse-article.ts'
import type { Article, Diagnostic } from '../../../src/lib/corpus/types.ts'

export type ReadOptions = {
  maxBytes?: number
  onProgress?: (done: number, total: number) => void
}

export type CorpusRead = {
  articles: Article[]
  diagnostics: Diagnostic[]
  /** Article files looked at: every .txt file, valid or not. */
  fileCount: number
}

/**
 * Reads and validates every article file in a folder. A broken file becomes diagnostics and never
 * stops the others; this function throws only when the folder itself cannot be listed.
 */
export function readCorpus(dir: string, options: ReadOptions = {}): CorpusRead {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const entries = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const articles: Article[] = []
  const diagnostics: Diagnostic[] = []
  const byId = new Map<string, string>()
  const report = (file: string, severity: Diagnostic['severity'], message: string) =>
    diagnostics.push({ severity, file, line: 1, message })

  const files = entries.filter((entry) => {
    if (entry.isDirectory()) {
      report(entry.name, 'warning', 'folder ignored: articles are the .txt files at the top level')
      return false
    }
    if (!entry.name.endsWith('.txt')) {
      report(entry.name, 'warning', 'not a .txt file, ignored')
      return false
    }
    return true
  })

  files.forEach((entry, index) => {
    const file = entry.name
    const path = join(dir, file)
    options.onProgress?.(index, files.length)
    let bytes: Buffer
    try {
      const stat = lstatSync(path)
      if (stat.isSymbolicLink()) {
        report(file, 'error', 'symbolic link, not followed: corpus files must be regular files')
        return
      }
      if (!stat.isFile()) {
        report(file, 'error', 'not a regular file')
        return
      }
      if (stat.size > maxBytes) {
        report(file, 'error', `file is ${stat.size} bytes, over the limit of ${maxBytes} bytes`)
        return
      }
      bytes = readFileSync(path)
    } catch (cause) {
      report(file, 'error', `cannot read the file: ${describeFsError(cause)}`)
      return
    }
    const result = parseArticle(file, bytes, { maxBytes })
    diagnostics.push(...result.diagnostics)
    const article = result.article
    if (!article) return
    const other = byId.get(article.id)
    if (other !== undefined) {
      report(file, 'error', `duplicate id ${article.id}: ${other} has the same id`)
      return
    }
    byId.set(article.id, file)
    articles.push(article)
  })
  options.onProgress?.(files.length, files.length)
  return { articles, diagnostics, fileCount: files.length }
}

function describeFsError(cause: unknown): string {
  if (cause instanceof Error && 'code' in cause) {
    if (cause.code === 'EACCES' || cause.code === 'EPERM') return 'permission denied'
    if (cause.code === 'ENOENT') return 'the file disappeared while being read'
    if (cause.code === 'EISDIR') return 'it is a folder'
  }
  return cause instanceof Error ? cause.message : String(cause)
}
