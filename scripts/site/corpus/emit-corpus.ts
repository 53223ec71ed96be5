import { createHash } from 'node:crypto'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { dateTime } from '../../../src/lib/corpus/dates.ts'
import { slugify } from '../../../src/lib/corpus/derive.ts'
import {
  PAGE_SIZE,
  dataPaths,
  plainSlug,
  type ArticleData,
  type ListItem,
  type ListPage,
  type Manifest,
  type NavLink,
  type RelatedLink,
  type SourceSummary,
} from '../../../src/lib/corpus/compiled.ts'
import type { Article } from '../../../src/lib/corpus/types.ts'
import { relatedStories } from './related.ts'

/**
 * UTF-8 bytes of title and slug a related list may hold in all. Each title is written twice
 * (the page's markup and the data file, compressed apart) and each slug once, in the link: with
 * this budget the list adds at most 1 kB gzip to an article page (issue 20; `bench:related
 * -- --bytes` measures it). Five titles of news length fit; a list of five long interview titles
 * stops at four.
 */
export const RELATED_TEXT_BUDGET = 800

/**
 * The related stories `picks` (indexes into `stories`, best first) that the page shows: the list
 * stops before a story whose title and slug would take it over RELATED_TEXT_BUDGET, and keeps
 * the first whatever its length.
 */
export function withinRelatedBudget(
  picks: readonly number[],
  stories: ReadonlyArray<{ title: string; slug: string }>,
): number[] {
  const shown: number[] = []
  let text = 0
  for (const j of picks) {
    const story = stories[j]
    if (!story) continue
    text += Buffer.byteLength(story.title) + story.slug.length
    if (shown.length > 0 && text > RELATED_TEXT_BUDGET) break
    shown.push(j)
  }
  return shown
}

/** Bumped whenever the shape of the emitted files changes, so the data version changes with it. */
const FORMAT = 'corpus-v2'

/** Where compiled files go: a folder on disk (build) or a map in memory (dev server). */
export type Emitter = {
  write(path: string, content: string | Uint8Array): void
}

/**
 * More data derived from the sorted articles (the search index), written with the same emitter so
 * that it lands in the same versioned folder and counts in the version hash.
 */
export type ExtraEmitter = (
  articles: readonly Article[],
  write: (path: string, content: string | Uint8Array) => void,
) => void

export type EmitOptions = {
  /** Choose each article's related stories (on unless a benchmark measures the compile without). */
  related?: boolean
}

export type EmitSummary = {
  /** Content hash of everything emitted: the name of the versioned data folder. */
  version: string
  manifest: Manifest
  files: number
  bytes: number
}

/** Newest first: dated articles by date, then undated ones by sequence, highest first. */
export function compareArticles(a: Article, b: Article): number {
  if (a.date !== null && b.date !== null) {
    const diff = dateTime(b.date) - dateTime(a.date)
    if (diff !== 0) return diff
  } else if (a.date !== null || b.date !== null) {
    return a.date !== null ? -1 : 1
  }
  return b.sequence - a.sequence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Gives each source a URL slug, unique even when two names slugify alike. */
export function sourceSlugs(articles: readonly Article[]): Map<string, string> {
  const names = [...new Set(articles.flatMap((a) => (a.source === null ? [] : [a.source])))].sort()
  const slugs = new Map<string, string>()
  const taken = new Set<string>()
  for (const name of names) {
    const named = slugify(name)
    // A name with no Latin reading (Arabic, Chinese, ...) slugifies to nothing.
    const base = named === '' || named === 'article' ? 'source' : named
    let slug = base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`
    taken.add(slug)
    slugs.set(name, slug)
  }
  return slugs
}

function pagesOf<T>(items: readonly T[], pageSize: number): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += pageSize) pages.push(items.slice(i, i + pageSize))
  // An empty corpus still has its first list page, saying there is nothing yet.
  return pages.length > 0 ? pages : [[]]
}

/**
 * Writes the list pages, the per-source list pages, one file per article and the manifest.
 * The articles are sorted in place.
 */
export function emitCorpus(
  articles: Article[],
  emitter: Emitter,
  pageSize = PAGE_SIZE,
  extras: readonly ExtraEmitter[] = [],
  { related = true }: EmitOptions = {},
): EmitSummary {
  articles.sort(compareArticles)
  const slugs = sourceSlugs(articles)
  const hash = createHash('sha256').update(`${FORMAT}\0${pageSize}\0`)
  let files = 0
  let bytes = 0
  const writeRaw = (path: string, content: string | Uint8Array) => {
    hash.update(path).update('\0').update(content).update('\0')
    emitter.write(path, content)
    files += 1
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength
  }
  const write = (path: string, value: unknown) => writeRaw(path, JSON.stringify(value))

  const items: ListItem[] = articles.map((a) => ({
    id: a.id,
    slug: a.slug,
    title: a.title,
    source: a.source,
    sourceSlug: a.source === null ? null : (slugs.get(a.source) ?? null),
    date: a.date,
    readingMinutes: a.readingMinutes,
    excerpt: a.excerpt,
    // Only when known: most corpora give none, and every list page would carry the nulls.
    ...(a.language !== null ? { language: a.language } : {}),
  }))
  const nav = (item: ListItem | undefined): NavLink | null =>
    item ? { id: item.id, slug: item.slug, title: item.title } : null
  const relatedOf = related ? relatedStories(articles) : []
  /**
   * The article's related stories as its page links them (the slug only when the page cannot
   * derive it from the title: see RelatedLink); nothing when there are none.
   */
  const relatedLinks = (i: number): { related?: RelatedLink[] } => {
    const links = withinRelatedBudget(relatedOf[i] ?? [], items).flatMap((j): RelatedLink[] => {
      const item = items[j]
      if (!item) return []
      const slug = item.slug === plainSlug(item.title) ? {} : { slug: item.slug }
      return [{ id: item.id, ...slug, title: item.title, source: item.source, date: item.date }]
    })
    return links.length > 0 ? { related: links } : {}
  }

  articles.forEach((a, i) => {
    const item = items[i]
    if (!item) return
    const data: ArticleData = {
      ...item,
      wordCount: a.wordCount,
      author: a.author,
      tags: a.tags,
      url: a.url,
      language: a.language,
      license: a.license,
      listPage: Math.floor(i / pageSize) + 1,
      prev: nav(items[i - 1]),
      next: nav(items[i + 1]),
      ...relatedLinks(i),
      paragraphs: a.paragraphs,
    }
    write(dataPaths.article(a.id), data)
  })

  const writeList = (
    list: ListItem[],
    source: ListPage['source'],
    path: (page: number) => string,
  ) => {
    const pages = pagesOf(list, pageSize)
    pages.forEach((pageItems, i) => {
      const page: ListPage = {
        page: i + 1,
        pageCount: pages.length,
        total: list.length,
        source,
        items: pageItems,
      }
      write(path(i + 1), page)
    })
    return pages.length
  }

  const pageCount = writeList(items, null, dataPaths.listPage)
  const bySource = new Map<string, ListItem[]>()
  for (const item of items) {
    if (item.source === null || item.sourceSlug === null) continue
    const list = bySource.get(item.sourceSlug) ?? []
    list.push(item)
    bySource.set(item.sourceSlug, list)
  }
  const sources: SourceSummary[] = []
  for (const [name, slug] of slugs) {
    const list = bySource.get(slug) ?? []
    const sourcePages = writeList(list, { name, slug }, (page) => dataPaths.sourcePage(slug, page))
    sources.push({ name, slug, count: list.length, pageCount: sourcePages })
  }
  sources.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'en'))

  const dates = articles.flatMap((a) => (a.date === null ? [] : [a.date]))
  const manifest: Manifest = {
    total: articles.length,
    pageSize,
    pageCount,
    sources,
    dateRange:
      dates.length > 0 ? { first: dates[dates.length - 1] ?? '', last: dates[0] ?? '' } : null,
  }
  write(dataPaths.manifest(), manifest)
  for (const extra of extras) extra(articles, writeRaw)
  return { version: hash.digest('hex').slice(0, 12), manifest, files, bytes }
}

export function memoryEmitter(files: Map<string, string | Uint8Array>): Emitter {
  return { write: (path, content) => void files.set(path, content) }
}

/** Writes into a fresh folder; folders are made once each. */
export function folderEmitter(root: string): Emitter {
  const made = new Set<string>()
  return {
    write(path, content) {
      const full = join(root, path)
      const dir = dirname(full)
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true })
        made.add(dir)
      }
      writeFileSync(full, content)
    },
  }
}

/**
 * Emits into `<outDir>/<version>/` by way of a staging folder renamed at the end, so that a
 * versioned folder is never seen half written.
 */
export function emitToFolder(
  articles: Article[],
  outDir: string,
  pageSize = PAGE_SIZE,
  extras: readonly ExtraEmitter[] = [],
  options: EmitOptions = {},
): EmitSummary {
  const staging = join(outDir, `.staging-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  const summary = emitCorpus(articles, folderEmitter(staging), pageSize, extras, options)
  const target = join(outDir, summary.version)
  rmSync(target, { recursive: true, force: true })
  renameSync(staging, target)
  return summary
}
