import type {
  ArticleData,
  ListItem,
  ListPage,
  Manifest,
  NavLink,
  RelatedLink,
  SourceSummary,
} from '@/lib/corpus/compiled'

/** Type guards for the compiled data files: fetched JSON is checked here, never cast. */

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
const isNullableStr = (v: unknown): v is string | null => v === null || typeof v === 'string'
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0
const isArrayOf = <T>(v: unknown, guard: (x: unknown) => x is T): v is T[] =>
  Array.isArray(v) && v.every(guard)

function isNavLink(v: unknown): v is NavLink {
  return isObj(v) && isStr(v.id) && isStr(v.slug) && isStr(v.title)
}

function isRelatedLink(v: unknown): v is RelatedLink {
  return (
    isObj(v) &&
    isStr(v.id) &&
    (v.slug === undefined || isStr(v.slug)) &&
    isStr(v.title) &&
    isNullableStr(v.source) &&
    isNullableStr(v.date)
  )
}

export function isListItem(v: unknown): v is ListItem {
  return (
    isObj(v) &&
    isStr(v.id) &&
    isStr(v.slug) &&
    isStr(v.title) &&
    isNullableStr(v.source) &&
    isNullableStr(v.sourceSlug) &&
    isNullableStr(v.date) &&
    isCount(v.readingMinutes) &&
    isStr(v.excerpt) &&
    (v.language === undefined || isNullableStr(v.language))
  )
}

export function isArticleData(v: unknown): v is ArticleData {
  if (!isObj(v) || !isListItem(v)) return false
  const a: Obj = v
  return (
    isCount(a.wordCount) &&
    isNullableStr(a.author) &&
    isArrayOf(a.tags, isStr) &&
    isNullableStr(a.url) &&
    isNullableStr(a.language) &&
    isNullableStr(a.license) &&
    isCount(a.listPage) &&
    (a.prev === null || isNavLink(a.prev)) &&
    (a.next === null || isNavLink(a.next)) &&
    (a.related === undefined || isArrayOf(a.related, isRelatedLink)) &&
    isArrayOf(a.paragraphs, isStr)
  )
}

function isSourceSummary(v: unknown): v is SourceSummary {
  return isObj(v) && isStr(v.name) && isStr(v.slug) && isCount(v.count) && isCount(v.pageCount)
}

export function isManifest(v: unknown): v is Manifest {
  return (
    isObj(v) &&
    isCount(v.total) &&
    isCount(v.pageSize) &&
    isCount(v.pageCount) &&
    isArrayOf(v.sources, isSourceSummary) &&
    (v.dateRange === null ||
      (isObj(v.dateRange) && isStr(v.dateRange.first) && isStr(v.dateRange.last)))
  )
}

export function isListPage(v: unknown): v is ListPage {
  return (
    isObj(v) &&
    isCount(v.page) &&
    isCount(v.pageCount) &&
    isCount(v.total) &&
    (v.source === null || (isObj(v.source) && isStr(v.source.name) && isStr(v.source.slug))) &&
    isArrayOf(v.items, isListItem)
  )
}
