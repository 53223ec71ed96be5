// @vitest-environment node
import { expect, it } from 'vitest'
import {
  dataPaths,
  type ArticleData,
  type ListPage,
  type Manifest,
} from '../../../src/lib/corpus/compiled.ts'
import { slugify } from '../../../src/lib/corpus/derive.ts'
import { parseArticle } from '../../../src/lib/corpus/parse-article.ts'
import type { Article } from '../../../src/lib/corpus/types.ts'
import { compareArticles, emitCorpus, memoryEmitter, RELATED_TEXT_BUDGET } from './emit-corpus.ts'

type Spec = { date?: string; source?: string; lead?: string }

/** An article as the compiler sees it: parsed from a synthetic corpus file. */
function article(sequence: number, { date, source, lead }: Spec = {}): Article {
  const id = (0xa000 + sequence).toString(16).padStart(16, '0')
  const file = `${String(sequence).padStart(3, '0')}_${id}.txt`
  const frontMatter = [
    ...(date === undefined ? [] : [`date: ${date}`]),
    ...(source === undefined ? [] : [`source: ${source}`]),
  ]
  const text = [
    ...(frontMatter.length > 0 ? ['---', ...frontMatter, '---'] : []),
    lead ?? `Story number ${sequence} was published today.`,
    '',
    `The second paragraph of story ${sequence}.`,
    '',
  ].join('\n')
  const { article: parsed, diagnostics } = parseArticle(file, new TextEncoder().encode(text))
  if (!parsed) throw new Error(`fixture ${file} did not parse: ${JSON.stringify(diagnostics)}`)
  return parsed
}

function emit(articles: Article[], pageSize?: number) {
  const files = new Map<string, string>()
  const summary = emitCorpus(articles, memoryEmitter(files), pageSize)
  const read = (path: string): string => {
    const content = files.get(path)
    if (content === undefined) throw new Error(`${path} was not emitted`)
    return content
  }
  const listPage = (path: string): ListPage => JSON.parse(read(path))
  const articleData = (id: string): ArticleData => JSON.parse(read(dataPaths.article(id)))
  const manifest = (): Manifest => JSON.parse(read(dataPaths.manifest()))
  return { files, summary, listPage, articleData, manifest }
}

it('orders dated articles newest first, then undated ones by sequence, highest first', () => {
  const articles = [
    article(1, { date: '2021-01-01' }),
    article(2),
    article(3, { date: '2023-06-15' }),
    article(4, { date: '2022-03-10T12:00:00Z' }),
    article(5),
    article(6, { date: '2022-03-10T12:00:00Z' }),
    article(7, { date: '2022-03-10' }),
    article(9),
  ]
  const { listPage, manifest } = emit(articles)

  const order = listPage(dataPaths.listPage(1)).items.map((item) => item.title)
  expect(order).toEqual(
    [3, 6, 4, 7, 1, 9, 5, 2].map((n) => `Story number ${n} was published today`),
  )
  expect(manifest().dateRange).toEqual({ first: '2021-01-01', last: '2023-06-15' })
  expect(articles.map((a) => a.sequence)).toEqual([3, 6, 4, 7, 1, 9, 5, 2])
})

it('compares articles consistently in both directions', () => {
  const dated = article(1, { date: '2020-01-01' })
  const undated = article(2)
  expect(compareArticles(dated, undated)).toBeLessThan(0)
  expect(compareArticles(undated, dated)).toBeGreaterThan(0)
  expect(compareArticles(dated, dated)).toBe(0)
})

it('splits the list into pages of pageSize', () => {
  const articles = Array.from({ length: 65 }, (_, i) => article(i + 1))
  const { files, listPage, manifest } = emit(articles, 30)

  const pages = [1, 2, 3].map((n) => listPage(dataPaths.listPage(n)))
  expect(pages.map((p) => p.items.length)).toEqual([30, 30, 5])
  expect(pages.map((p) => p.page)).toEqual([1, 2, 3])
  for (const page of pages) expect(page).toMatchObject({ pageCount: 3, total: 65, source: null })
  expect(files.has(dataPaths.listPage(4))).toBe(false)
  expect(pages.flatMap((p) => p.items.map((item) => item.id))).toEqual(articles.map((a) => a.id))
  expect(manifest()).toMatchObject({ total: 65, pageSize: 30, pageCount: 3 })
})

it('writes per-source pages and counts each source in the manifest', () => {
  const articles = [
    ...Array.from({ length: 32 }, (_, i) => article(i + 1, { source: 'Daily Post' })),
    article(40, { source: 'News.Az' }),
    article(41, { source: 'News Az' }),
    article(42, { source: 'News Az' }),
    article(43),
  ]
  const { files, listPage, manifest } = emit(articles, 30)

  expect(manifest().sources).toEqual([
    { name: 'Daily Post', slug: 'daily-post', count: 32, pageCount: 2 },
    { name: 'News Az', slug: 'news-az', count: 2, pageCount: 1 },
    { name: 'News.Az', slug: 'news-az-2', count: 1, pageCount: 1 },
  ])
  const daily = [1, 2].map((n) => listPage(dataPaths.sourcePage('daily-post', n)))
  expect(daily.map((p) => p.items.length)).toEqual([30, 2])
  for (const page of daily) {
    expect(page).toMatchObject({
      total: 32,
      pageCount: 2,
      source: { name: 'Daily Post', slug: 'daily-post' },
    })
    for (const item of page.items)
      expect(item).toMatchObject({ source: 'Daily Post', sourceSlug: 'daily-post' })
  }
  expect(listPage(dataPaths.sourcePage('news-az-2', 1)).items.map((i) => i.id)).toEqual([
    articles.find((a) => a.sequence === 40)?.id,
  ])
  expect(files.has(dataPaths.sourcePage('daily-post', 3))).toBe(false)
  // The article without a source is in the home list and in no source list.
  const all = [1, 2].flatMap((n) => listPage(dataPaths.listPage(n)).items)
  expect(all).toHaveLength(36)
  expect(all.filter((item) => item.source === null).map((item) => item.sourceSlug)).toEqual([null])
})

it('links each article to its neighbours and its list page', () => {
  const articles = [1, 2, 3, 4, 5].map((n) => article(n))
  const { articleData } = emit(articles, 2)
  // Undated, so the order is by sequence, highest first: 5 4 3 2 1.
  const [a5, a4, a3, , a1] = articles
  if (!a5 || !a4 || !a3 || !a1) throw new Error('expected five articles')

  const first = articleData(a5.id)
  expect(first).toMatchObject({ listPage: 1, prev: null })
  expect(first.next).toEqual({ id: a4.id, slug: a4.slug, title: a4.title })
  const middle = articleData(a3.id)
  expect(middle.listPage).toBe(2)
  expect(middle.prev?.id).toBe(a4.id)
  expect(middle.next?.id).toBe(articles[3]?.id)
  const last = articleData(a1.id)
  expect(last).toMatchObject({ listPage: 3, next: null })
  expect(last.paragraphs).toEqual(a1.paragraphs)
  expect(last.wordCount).toBe(a1.wordCount)
})

it('emits page 1 with no items for an empty corpus', () => {
  const { files, listPage, manifest, summary } = emit([])

  expect(listPage(dataPaths.listPage(1))).toEqual({
    page: 1,
    pageCount: 1,
    total: 0,
    source: null,
    items: [],
  })
  expect(manifest()).toMatchObject({ total: 0, pageCount: 1, sources: [], dateRange: null })
  expect([...files.keys()].sort()).toEqual([dataPaths.manifest(), dataPaths.listPage(1)])
  expect(summary.files).toBe(2)
})

it('changes the version when an article text changes, and only then', () => {
  const corpus = (secondLead: string) => [
    article(1, { date: '2020-01-01', source: 'Daily Post' }),
    article(2, { lead: secondLead }),
    article(3, { source: 'News.Az' }),
  ]
  const lead = 'The council met on Monday.'
  const first = emit(corpus(lead))
  const again = emit(corpus(lead))
  const edited = emit(corpus('The council met on Tuesday.'))

  expect(first.summary.version).toMatch(/^[0-9a-f]{12}$/)
  expect(again.summary.version).toBe(first.summary.version)
  expect(again.files).toEqual(first.files)
  expect(edited.summary.version).not.toBe(first.summary.version)
  expect(emit(corpus(lead), 2).summary.version).not.toBe(first.summary.version)
})

it('writes the related stories each article links to, and no list when nothing is related', () => {
  const fillers = Array.from({ length: 12 }, (_, i) => article(i + 1))
  const lava = article(20, { lead: 'Lava from the Vulcania volcano reached the island airport.' })
  const ash = article(21, {
    lead: 'Ash and lava from the Vulcania volcano closed the island airport.',
    source: 'Daily Post',
    date: '2024-01-02',
  })
  const { articleData } = emit([...fillers, lava, ash])

  expect(articleData(lava.id).related).toEqual([
    { id: ash.id, title: ash.title, source: 'Daily Post', date: '2024-01-02' },
  ])
  expect(articleData(ash.id).related).toEqual([
    { id: lava.id, title: lava.title, source: null, date: null },
  ])
  for (const filler of fillers) expect(articleData(filler.id)).not.toHaveProperty('related')

  const files = new Map<string, string>()
  emitCorpus([...fillers, lava, ash], memoryEmitter(files), undefined, [], { related: false })
  expect(JSON.parse(files.get(dataPaths.article(lava.id)) ?? '{}')).not.toHaveProperty('related')
})

it('writes a related story’s slug only when the page cannot derive it from the title', () => {
  const fillers = Array.from({ length: 12 }, (_, i) => article(i + 1))
  const lava = article(20, { lead: 'Lava from the Vulcania volcano reached the island airport.' })
  const ash = article(21, {
    lead: 'Ash and lava from the Vulcania volcano closed the island airport.',
  })
  const title = 'Zürich: ash and lava from the Vulcania volcano closed the island airport'
  const { articleData } = emit([...fillers, lava, { ...ash, title, slug: slugify(title) }])

  expect(articleData(lava.id).related).toEqual([
    {
      id: ash.id,
      slug: 'zurich-ash-and-lava-from-the-vulcania-volcano-closed-the-island-airport',
      title,
      source: null,
      date: null,
    },
  ])
  expect(articleData(ash.id).related?.[0]).not.toHaveProperty('slug')
})

it('stops a related list before a story that would take it over its byte budget', () => {
  const fillers = Array.from({ length: 60 }, (_, i) => article(i + 1))
  const leads = [
    'Lava from the Vulcania volcano reached the island airport.',
    'Ash and lava from the Vulcania volcano closed the island airport.',
    'The Vulcania volcano erupted again, and lava flowed toward the airport.',
    'Flights resumed at the island airport after the Vulcania volcano calmed and the lava cooled.',
    'Scientists measured the lava of the Vulcania volcano near the airport.',
    'Residents near the island airport fled as the Vulcania volcano sent lava downhill.',
  ]
  // Six stories on one subject, each with a title of 150 bytes: fewer than five fit the budget.
  const title = (n: number) =>
    `Story ${n}: ${'the Vulcania volcano and its lava '.repeat(5)}`.slice(0, 150)
  const stories = leads.map((lead, i) => ({
    ...article(100 + i, { lead }),
    title: title(i),
    slug: slugify(title(i)),
  }))
  const { articleData } = emit([...fillers, ...stories])
  for (const story of stories) {
    const links = articleData(story.id).related ?? []
    const text = links.reduce(
      (sum, link) => sum + Buffer.byteLength(link.title) + slugify(link.title).length,
      0,
    )
    expect(links.length).toBeGreaterThan(0)
    expect(links.length).toBeLessThan(5)
    expect(text).toBeLessThanOrEqual(RELATED_TEXT_BUDGET)
  }
})
