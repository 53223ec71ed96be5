/**
 * Turns Lighthouse results into what the benchmark prints: per-run summaries, medians over runs,
 * the markdown table, the targets with met/missed, and the audits that cost points.
 */
import type { Result } from 'lighthouse'
import { isRecord, markdownTable, median } from '../common.ts'

export const CATEGORY_IDS = ['performance', 'accessibility', 'best-practices', 'seo'] as const

export type Category = (typeof CATEGORY_IDS)[number]

export const CATEGORY_TITLES: Record<Category, string> = {
  performance: 'Performance',
  accessibility: 'Accessibility',
  'best-practices': 'Best practices',
  seo: 'SEO',
}

function perCategory<T>(value: (id: Category) => T): Record<Category, T> {
  return {
    performance: value('performance'),
    accessibility: value('accessibility'),
    'best-practices': value('best-practices'),
    seo: value('seo'),
  }
}

export type FailingAudit = {
  category: Category
  id: string
  title: string
  /** 0-100, or null when the audit errored. */
  score: number | null
  displayValue: string | null
  /** Human-readable lines: the offending elements, URLs, messages. */
  details: string[]
}

export type RunSummary = {
  /** 0-100 per category; null when Lighthouse could not score it. */
  scores: Record<Category, number | null>
  lcpMs: number
  tbtMs: number
  cls: number
  fcpMs: number
  /** Lighthouse's measure of this machine's CPU speed (higher is faster). */
  benchmarkIndex: number | null
  lcpElement: string | null
  /**
   * The requests that had finished when the page painted its LCP unthrottled. Lighthouse's
   * simulated LCP waits for every one of them, so a script here delays LCP by its download.
   */
  lcpRequests: string[]
  failing: FailingAudit[]
  warnings: string[]
  lighthouseVersion: string
  chromeVersion: string | null
}

export type PageResult = {
  id: string
  label: string
  path: string
  /** Whether the three targets apply (they do not to the floor page). */
  hasTargets: boolean
  runs: RunSummary[]
  notes: string[]
}

export type PageMedians = {
  scores: Record<Category, number | null>
  lcpMs: number
  tbtMs: number
  cls: number
  fcpMs: number
}

export const TARGETS = {
  performance: 98,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
  /** The article page's LCP over the no-JavaScript floor's. */
  lcpRatio: 1.2,
} as const

/** Below this a performance audit is flagged in the report (Lighthouse's own "orange" line). */
const PERFORMANCE_AUDIT_PASS = 0.9
const MAX_DETAIL_LINES = 12
const MAX_LINE = 300

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > MAX_LINE ? `${flat.slice(0, MAX_LINE - 1)}…` : flat
}

/** One table cell of an audit's details: a node, a source location, a URL or plain text. */
function describeValue(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(Math.round(value * 100) / 100)
  if (!isRecord(value)) return null
  if (value.type === 'node') {
    const parts = [value.selector, value.snippet, value.nodeLabel].filter(
      (part): part is string => typeof part === 'string' && part !== '',
    )
    return parts.map((part, i) => (i === 2 ? `"${part}"` : part)).join(' ')
  }
  if (value.type === 'source-location' && typeof value.url === 'string') {
    const line = typeof value.line === 'number' ? `:${value.line + 1}` : ''
    return `${value.url}${line}`
  }
  if (typeof value.text === 'string') return value.text
  if (typeof value.url === 'string') return value.url
  return null
}

/** A details row as lines: its cells, then a node's fix explanation and the related nodes. */
function describeItem(item: unknown): string[] {
  if (!isRecord(item)) {
    const text = describeValue(item)
    return text === null ? [] : [clip(text)]
  }
  const cells: string[] = []
  const extra: string[] = []
  for (const [key, value] of Object.entries(item)) {
    if (key === 'entity') continue
    if (key === 'subItems') {
      const subItems = isRecord(value) && Array.isArray(value.items) ? value.items : []
      for (const sub of subItems) extra.push(...describeItem(sub).map((line) => `  ↳ ${line}`))
      continue
    }
    const text = describeValue(value)
    if (text !== null && text !== '') cells.push(`${key}: ${text}`)
    if (isRecord(value) && value.type === 'node' && typeof value.explanation === 'string') {
      extra.push(...value.explanation.split('\n').map((line) => `  ${clip(line)}`))
    }
  }
  return [...(cells.length === 0 ? [] : [clip(cells.join('; '))]), ...extra]
}

/** The rows of an audit's details, flattening the lists Lighthouse nests tables in. */
function detailLines(details: unknown): string[] {
  if (!isRecord(details)) return []
  if (details.type === 'list' && Array.isArray(details.items)) {
    return details.items.flatMap(detailLines)
  }
  // Insights list the checks they ran; name the ones that failed.
  if (details.type === 'checklist' && isRecord(details.items)) {
    return Object.values(details.items).flatMap((check) =>
      isRecord(check) && check.value === false && typeof check.label === 'string'
        ? [`failed check: ${check.label}`]
        : [],
    )
  }
  if (!Array.isArray(details.items)) return []
  return details.items.flatMap(describeItem)
}

type Audit = Result['audits'][string]

function auditLines(audit: Audit): string[] {
  const lines = [
    audit.explanation === undefined ? [] : [clip(audit.explanation)],
    audit.errorMessage === undefined ? [] : [clip(`error: ${audit.errorMessage}`)],
    (audit.warnings ?? []).map((w) => clip(`warning: ${w}`)),
    detailLines(audit.details),
  ].flat()
  const unique = [...new Set(lines)]
  if (unique.length <= MAX_DETAIL_LINES) return unique
  const more = unique.length - MAX_DETAIL_LINES
  return [...unique.slice(0, MAX_DETAIL_LINES), `… and ${more} more`]
}

function isFailing(category: Category, audit: Audit, group: string | undefined): boolean {
  if (audit.scoreDisplayMode === 'error') return true
  if (audit.score === null) return false
  if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) return false
  if (category === 'performance') {
    return group !== 'metrics' && audit.score < PERFORMANCE_AUDIT_PASS
  }
  return audit.score < 1
}

/** The first node Lighthouse names as the largest contentful paint. */
function lcpElementOf(lhr: Result): string | null {
  const audit = lhr.audits['largest-contentful-paint-element']
  const line = audit === undefined ? undefined : detailLines(audit.details)[0]
  return line ?? null
}

function numberIn(record: Record<string, unknown>, key: string): number | null {
  const value = record[key]
  return typeof value === 'number' ? value : null
}

function lcpRequestsOf(lhr: Result): string[] {
  const metrics: unknown = lhr.audits.metrics?.details
  const requests: unknown = lhr.audits['network-requests']?.details
  if (!isRecord(metrics) || !Array.isArray(metrics.items) || !isRecord(requests)) return []
  const observed = metrics.items[0]
  const debug = requests.debugData
  if (!isRecord(observed) || !isRecord(debug) || !Array.isArray(requests.items)) return []
  const lcpTs = numberIn(observed, 'observedLargestContentfulPaintTs')
  const networkStartTs = numberIn(debug, 'networkStartTimeTs')
  if (lcpTs === null || networkStartTs === null) return []
  const lcpMs = (lcpTs - networkStartTs) / 1000
  return requests.items.flatMap((item) => {
    if (!isRecord(item) || typeof item.url !== 'string') return []
    const end = numberIn(item, 'networkEndTime')
    if (end === null || end > lcpMs) return []
    const kib = ((numberIn(item, 'transferSize') ?? 0) / 1024).toFixed(1)
    const type = typeof item.resourceType === 'string' ? item.resourceType : '?'
    return [`${new URL(item.url).pathname} (${type}, ${kib} KiB)`]
  })
}

export function summarizeRun(lhr: Result): RunSummary {
  const scores = perCategory((id) => {
    const score = lhr.categories[id]?.score
    return typeof score === 'number' ? Math.round(score * 100) : null
  })
  const failing: FailingAudit[] = []
  for (const category of CATEGORY_IDS) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id]
      if (audit === undefined || !isFailing(category, audit, ref.group)) continue
      failing.push({
        category,
        id: audit.id,
        title: audit.title,
        score: audit.score === null ? null : Math.round(audit.score * 100),
        displayValue: audit.displayValue ?? null,
        details: auditLines(audit),
      })
    }
  }
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
  return {
    scores,
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    fcpMs: numeric('first-contentful-paint'),
    benchmarkIndex: lhr.environment.benchmarkIndex ?? null,
    lcpElement: lcpElementOf(lhr),
    lcpRequests: lcpRequestsOf(lhr),
    failing,
    warnings: lhr.runWarnings,
    lighthouseVersion: lhr.lighthouseVersion,
    chromeVersion: /Chrome\/([\d.]+)/.exec(lhr.environment.hostUserAgent)?.[1] ?? null,
  }
}

function medianOrNull(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null)
  return present.length === 0 ? null : median(present)
}

export function pageMedians(page: PageResult): PageMedians {
  return {
    scores: perCategory((id) => medianOrNull(page.runs.map((run) => run.scores[id]))),
    lcpMs: median(page.runs.map((run) => run.lcpMs)),
    tbtMs: median(page.runs.map((run) => run.tbtMs)),
    cls: median(page.runs.map((run) => run.cls)),
    fcpMs: median(page.runs.map((run) => run.fcpMs)),
  }
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`
}

function formatScore(score: number | null): string {
  return score === null ? 'n/a' : String(Math.round(score))
}

/** The report's table: a row per page, each figure the median over its runs. */
export function lighthouseTable(pages: readonly PageResult[]): string {
  const header = [
    'page',
    'URL',
    ...CATEGORY_IDS.map((id) => CATEGORY_TITLES[id]),
    'LCP',
    'TBT',
    'CLS',
  ]
  const rows = pages.map((page) => {
    const m = pageMedians(page)
    return [
      page.label,
      `\`${page.path}\``,
      ...CATEGORY_IDS.map((id) => formatScore(m.scores[id])),
      formatSeconds(m.lcpMs),
      `${Math.round(m.tbtMs)} ms`,
      m.cls.toFixed(3),
    ]
  })
  return markdownTable(header, rows)
}

export type TargetCheck = { text: string; met: boolean }

export function checkTargets(pages: readonly PageResult[], lcpRatio: number): TargetCheck[] {
  const checks: TargetCheck[] = []
  for (const page of pages.filter((p) => p.hasTargets)) {
    const { scores } = pageMedians(page)
    for (const id of CATEGORY_IDS) {
      const target = TARGETS[id]
      const score = scores[id]
      const met = score !== null && Math.round(score) >= target
      const wanted = target === 100 ? '= 100' : `>= ${target}`
      checks.push({
        text: `${page.label}: ${CATEGORY_TITLES[id]} ${formatScore(score)} (${wanted})`,
        met,
      })
    }
  }
  checks.push({
    text: `article LCP ${lcpRatio.toFixed(2)}x the floor's (<= ${TARGETS.lcpRatio}x)`,
    met: Number.isFinite(lcpRatio) && lcpRatio <= TARGETS.lcpRatio,
  })
  return checks
}

/**
 * The audits that failed in any run of a page with targets, grouped by page; for performance only
 * on pages that miss the performance target.
 */
export function failingAuditsReport(pages: readonly PageResult[]): string[] {
  const lines: string[] = []
  for (const page of pages.filter((p) => p.hasTargets)) {
    const medians = pageMedians(page)
    const seen = new Map<string, { audit: FailingAudit; runs: number }>()
    for (const run of page.runs) {
      for (const audit of run.failing) {
        const perfMet = (medians.scores.performance ?? 0) >= TARGETS.performance
        if (audit.category === 'performance' && perfMet) continue
        const key = `${audit.category}/${audit.id}`
        const entry = seen.get(key)
        if (entry === undefined) seen.set(key, { audit, runs: 1 })
        else entry.runs += 1
      }
    }
    if (seen.size === 0) continue
    lines.push(`### ${page.label} (\`${page.path}\`)`, '')
    for (const { audit, runs } of seen.values()) {
      const score = audit.score === null ? 'error' : `score ${audit.score}`
      const value = audit.displayValue === null ? '' : `, ${audit.displayValue}`
      lines.push(
        `- ${CATEGORY_TITLES[audit.category]}: **${audit.title}** (\`${audit.id}\`, ${score}${value}; failed in ${runs}/${page.runs.length} runs)`,
      )
      for (const detail of audit.details) lines.push(`  - ${detail}`)
    }
    lines.push('')
  }
  return lines
}
