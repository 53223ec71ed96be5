/** What the compiler knows of one article once its file has been read and validated. */
export type Article = {
  id: string
  sequence: number
  /** The file name inside the corpus folder, for messages. */
  file: string
  title: string
  slug: string
  source: string | null
  /** ISO 8601 date or date-time, as written in the front matter. */
  date: string | null
  url: string | null
  author: string | null
  tags: string[]
  language: string | null
  license: string | null
  paragraphs: string[]
  excerpt: string
  wordCount: number
  readingMinutes: number
}

export type Severity = 'error' | 'warning'

export type Diagnostic = {
  severity: Severity
  file: string
  /** 1-based line in the file the problem applies to. */
  line: number
  message: string
}

export type ParseResult = {
  article: Article | null
  diagnostics: Diagnostic[]
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}`
}
