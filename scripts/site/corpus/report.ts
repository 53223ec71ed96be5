import { formatDiagnostic } from '../../../src/lib/corpus/types.ts'
import type { CorpusRead } from './read-corpus.ts'

export function errorsOf(read: CorpusRead) {
  return read.diagnostics.filter((d) => d.severity === 'error')
}

/** A summary of a corpus read: counts, sources, date range, then every diagnostic. */
export function corpusReport(read: CorpusRead, dir: string, seconds: number): string {
  const errors = errorsOf(read)
  const warnings = read.diagnostics.length - errors.length
  const sources = new Set(read.articles.map((a) => a.source ?? ''))
  sources.delete('')
  const dates = read.articles.flatMap((a) => (a.date === null ? [] : [Date.parse(a.date)]))
  const undated = read.articles.length - dates.length
  const day = (t: number) => new Date(t).toISOString().slice(0, 10)
  const range =
    dates.length > 0
      ? `dates ${day(Math.min(...dates))} to ${day(Math.max(...dates))}${undated > 0 ? `, ${undated} undated` : ''}`
      : 'no dates'
  const badFiles = new Set(errors.map((d) => d.file)).size
  const lines = [
    `corpus ${dir}: ${read.articles.length} articles from ${read.fileCount} files in ${seconds.toFixed(1)} s`,
    `${sources.size} sources, ${range}`,
    `${warnings} warnings, ${errors.length} errors${badFiles > 0 ? ` in ${badFiles} files` : ''}`,
  ]
  const sorted = [...read.diagnostics].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
  )
  for (const d of sorted) lines.push(`  ${formatDiagnostic(d)}`)
  return lines.join('\n')
}
