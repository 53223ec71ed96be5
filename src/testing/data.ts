import type { ArticleData, ListItem, ListPage, Manifest } from '@/lib/corpus/compiled'

/** Compiled-data fixtures for unit tests, shaped like what the corpus compiler writes. */

export function makeItem(n: number, overrides: Partial<ListItem> = {}): ListItem {
  const id = n.toString(16).padStart(16, 'a')
  return {
    id,
    slug: `story-number-${n}`,
    title: `Story number ${n}`,
    source: 'Daily Test',
    sourceSlug: 'daily-test',
    date: '2024-03-0' + ((n % 9) + 1),
    readingMinutes: 2,
    excerpt: `The excerpt of story ${n}.`,
    ...overrides,
  }
}

export function makeArticle(n: number, overrides: Partial<ArticleData> = {}): ArticleData {
  return {
    ...makeItem(n),
    wordCount: 300,
    author: null,
    tags: [],
    url: null,
    language: null,
    license: null,
    listPage: 1,
    prev: null,
    next: null,
    paragraphs: [`First paragraph of story ${n}.`, `Second paragraph of story ${n}.`],
    ...overrides,
  }
}

export function makePage(items: ListItem[], page = 1, pageCount = 1): ListPage {
  return { page, pageCount, total: items.length, source: null, items }
}

export function makeManifest(total: number): Manifest {
  return {
    total,
    pageSize: 30,
    pageCount: Math.max(1, Math.ceil(total / 30)),
    sources: [{ name: 'Daily Test', slug: 'daily-test', count: total, pageCount: 1 }],
    dateRange: null,
  }
}

type Reply = { status: number; body: unknown }

/**
 * Replaces fetch with a table of data files (paths relative to the versioned data folder).
 * A path missing from the table answers 404; a Reply entry answers as told.
 */
export function serveData(files: Record<string, unknown | Reply>) {
  const requests: string[] = []
  const fetchMock = async (input: RequestInfo | URL) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const path = url.replace(/^.*?\/data\/[^/]*\//, '')
    requests.push(path)
    const entry = files[path]
    if (entry === undefined) return new Response('{"error":"not found"}', { status: 404 })
    if (isReply(entry)) return new Response(JSON.stringify(entry.body), { status: entry.status })
    return new Response(JSON.stringify(entry), { status: 200 })
  }
  return { fetchMock, requests }
}

function isReply(value: unknown): value is Reply {
  return typeof value === 'object' && value !== null && 'status' in value && 'body' in value
}
