/**
 * The figures the search benchmarks compute: known-item relevance (success@1, MRR@10, recall@10
 * per query kind and over all queries; success@1 per language and kind), its targets, and what
 * each fetched file is for. Medians, percentiles and tables are in common.ts.
 */
import { markdownTable } from './common.ts'

export type RankedQuery = {
  kind: string
  /** The query's language (`lang` in the queries file), when it gives one. */
  lang?: string
  /** Where the wanted article came in the results, from 0; -1 when it was not among them. */
  rank: number
}

export type Relevance = { queries: number; successAt1: number; mrr: number; recall: number }

/** The position of `wanted` in `ids`, or -1. */
export function rankOf(ids: readonly string[], wanted: string): number {
  return ids.indexOf(wanted)
}

/**
 * Per kind (in first-seen order) and then `all`: the share of queries whose article came first,
 * the mean reciprocal rank counting only ranks within `cutoff`, and the share found within
 * `cutoff`.
 */
export function relevanceByKind(
  results: readonly RankedQuery[],
  cutoff = 10,
): Map<string, Relevance> {
  const sums = new Map<string, { n: number; first: number; rr: number; found: number }>()
  for (const { kind, rank } of results) {
    for (const key of [kind, 'all']) {
      const sum = sums.get(key) ?? { n: 0, first: 0, rr: 0, found: 0 }
      sum.n += 1
      if (rank === 0) sum.first += 1
      if (rank >= 0 && rank < cutoff) {
        sum.rr += 1 / (rank + 1)
        sum.found += 1
      }
      sums.set(key, sum)
    }
  }
  const out = new Map<string, Relevance>()
  const keys = [...sums.keys()].filter((k) => k !== 'all')
  if (sums.has('all')) keys.push('all')
  for (const key of keys) {
    const sum = sums.get(key)
    if (sum === undefined) continue
    out.set(key, {
      queries: sum.n,
      successAt1: sum.first / sum.n,
      mrr: sum.rr / sum.n,
      recall: sum.found / sum.n,
    })
  }
  return out
}

export type Target = { label: string; met: boolean; detail: string }

/** The relevance targets: success@1 per kind, on every corpus. */
export const RELEVANCE_TARGETS: ReadonlyArray<{ kind: string; min: number }> = [
  { kind: 'title', min: 1 },
  { kind: 'body', min: 0.97 },
  { kind: 'typo', min: 0.9 },
  { kind: 'all', min: 0.96 },
]

export function relevanceTargets(relevance: ReadonlyMap<string, Relevance>): Target[] {
  return RELEVANCE_TARGETS.map(({ kind, min }) => {
    const got = relevance.get(kind)
    const wanted = min === 1 ? '1.00' : `>= ${min.toFixed(2)}`
    if (got === undefined) {
      return { label: `${kind} success@1 ${wanted}`, met: false, detail: 'no queries' }
    }
    const met = got.successAt1 >= min
    const by = met ? '' : `, short by ${(min - got.successAt1).toFixed(2)}`
    return {
      label: `${kind} success@1 ${wanted}`,
      met,
      detail: `${got.successAt1.toFixed(2)} over ${got.queries} queries${by}`,
    }
  })
}

/** The `lang` of a known-item query read from a file, when it has one. */
export function queryLanguage(query: object): string | undefined {
  return 'lang' in query && typeof query.lang === 'string' ? query.lang : undefined
}

/** Per language (sorted by name), relevanceByKind over that language's queries. */
export function relevanceByLanguage(
  results: readonly RankedQuery[],
  cutoff = 10,
): Map<string, Map<string, Relevance>> {
  const byLanguage = new Map<string, RankedQuery[]>()
  for (const result of results) {
    const lang = result.lang ?? '-'
    byLanguage.set(lang, [...(byLanguage.get(lang) ?? []), result])
  }
  return new Map(
    [...byLanguage.keys()]
      .sort()
      .map((lang) => [lang, relevanceByKind(byLanguage.get(lang) ?? [], cutoff)]),
  )
}

/**
 * A markdown table of success@1 per language (rows) and kind (columns, in first-seen order, then
 * all), each cell with its number of queries; '' when no query gives a language.
 */
export function languageTable(results: readonly RankedQuery[], cutoff = 10): string {
  if (results.every((r) => r.lang === undefined)) return ''
  const kinds = [...relevanceByKind(results, cutoff).keys()]
  const rows = [...relevanceByLanguage(results, cutoff)].map(([lang, relevance]) => [
    lang,
    ...kinds.map((kind) => {
      const r = relevance.get(kind)
      return r === undefined ? '-' : `${r.successAt1.toFixed(2)} (${r.queries})`
    }),
  ])
  return markdownTable(['language', ...kinds.map((k) => `${k} success@1`)], rows, [
    'left',
    ...kinds.map(() => 'right' as const),
  ])
}

/** The target per language: success@1 of this much in each kind of each language. */
export const LANGUAGE_TARGET = 0.95

/** One target line: every language at LANGUAGE_TARGET or more in each kind; null without languages. */
export function languageTarget(results: readonly RankedQuery[], cutoff = 10): Target | null {
  if (results.every((r) => r.lang === undefined)) return null
  const short: string[] = []
  for (const [lang, relevance] of relevanceByLanguage(results, cutoff)) {
    for (const [kind, r] of relevance) {
      if (kind !== 'all' && r.successAt1 < LANGUAGE_TARGET) {
        short.push(`${lang} ${kind} ${r.successAt1.toFixed(2)}`)
      }
    }
  }
  return {
    label: `every language, each kind: success@1 >= ${LANGUAGE_TARGET.toFixed(2)}`,
    met: short.length === 0,
    detail: short.length === 0 ? 'all met' : `short: ${short.join(', ')}`,
  }
}

export type TransferKind = 'index' | 'display' | 'code' | 'page'

/**
 * What a response the browser fetched is for: engine code (scripts, styles, WebAssembly),
 * the search index (our `search/` files, the serialized indexes of MiniSearch, FlexSearch and Orama,
 * Pagefind's entry, meta, index and filter chunks), what the results shown need besides (our article files, Pagefind's
 * fragments), or a page.
 */
export function transferKind(pathname: string): TransferKind {
  if (/\.(m?js|css|wasm)$/.test(pathname) || /\/wasm\.[^/]*\.pagefind$/.test(pathname)) {
    return 'code'
  }
  if (/\.pf_fragment$/.test(pathname)) return 'display'
  if (/\/data\/[^/]+\/search\//.test(pathname) || /\.pf_(meta|index|filter)$/.test(pathname)) {
    return 'index'
  }
  if (/\/(minisearch|flexsearch|orama)-index\.json$/.test(pathname)) return 'index'
  if (/pagefind-entry\.json$/.test(pathname)) return 'index'
  if (/\/data\//.test(pathname)) return 'display'
  return 'page'
}
