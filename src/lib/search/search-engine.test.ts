// @vitest-environment node
import { expect, it } from 'vitest'
import { fixtureArticles, fixtureId } from '../../../scripts/site/search-index/fixture-corpus.ts'
import { memorySite } from '../../../scripts/site/search-index/memory-site.ts'
import { parseArticle } from '../corpus/parse-article.ts'
import { createSearchEngine, highlightRanges, type SearchOptions } from './search-engine.ts'

const site = memorySite(fixtureArticles())
const options: SearchOptions = { source: null, sort: 'relevance', limit: 10 }
const engine = createSearchEngine(site.load)

const search = (query: string, extra: Partial<SearchOptions> = {}) =>
  engine.search(query, { ...options, ...extra })

/** Known-item queries against the real index of the fixture corpus: [query, title of the first result]. */
const RELEVANCE: Array<
  [kind: string, query: string, first: string, extra?: Partial<SearchOptions>]
> = [
  ['title', 'magnitogorsk explosion', 'Magnitogorsk apartment'],
  ['title', 'governor emergency louisiana', 'Louisiana governor'],
  ['title', 'hurricane landfall louisiana', 'Hurricane makes landfall'],
  ['title', 'chess championship tehran', 'Chess prodigy'],
  ['title', 'shark fossil cave', 'Fossil of an ancient shark'],
  ['title', 'conway mathematician', 'Mathematician John Conway'],
  ['title', 'transport strike pay', 'Transport workers strike'],
  ['body', 'evacuation orders should', 'Hurricane makes landfall'],
  ['body', 'tapping technique changed', 'Eddie Van Halen'],
  ['body', 'rotating pacemakers', 'Marathon runner Kipchoge'],
  ['body', 'toxic gas', 'Volcano erupts'],
  ['body', 'gun laws', 'New Zealand mosque'],
  ['body', 'picture books six languages', 'Library opens'],
  ['prefix', 'magnit', 'Magnitogorsk apartment'],
  ['prefix', 'rye sourd', 'Bakery wins'],
  ['prefix', 'kipch', 'Marathon runner Kipchoge'],
  ['phrase', '"pro democracy camp"', 'Pro-democracy candidates'],
  ['phrase', '"new zealand police"', 'Volcano erupts'],
  ['phrase', '"electric buses"', 'City council approves'],
  ['typo', 'Azerbijan', 'Hajiyev gives'],
  ['typo', 'Hajiev', 'Hajiyev gives'],
  ['typo', 'kipchgoe vienna', 'Marathon runner Kipchoge'],
  ['typo', 'magnitogrsk', 'Magnitogorsk apartment'],
  ['typo', 'hurrican landfall', 'Hurricane makes landfall'],
  ['typo', 'sourdough bakrey', 'Bakery wins'],
  ['normaliser', "azerbaijan's foreign policy", 'Hajiyev gives'],
  ['normaliser', 'Azerbaycan', 'Azərbaycan Respublikasının'],
  ['normaliser', '<GRRL>', 'Band <GRRL>'],
  ['source', 'police', 'Volcano erupts', { source: 'pacific-dispatch' }],
  ['source', 'police', 'Teenage protester', { source: 'eastern-star' }],
]

it.each(RELEVANCE)('%s: %s finds the expected article first', async (_, query, first, extra) => {
  const result = await search(query, extra)
  expect(
    result.hits[0]?.title.startsWith(first),
    JSON.stringify(result.hits.map((h) => h.title)),
  ).toBe(true)
})

it('returns an empty result without loading anything for an empty or punctuation-only query', async () => {
  const fresh = memorySite(fixtureArticles())
  const cold = createSearchEngine(fresh.load)
  for (const query of ['', '   ', '!!!', '"', '""', '“ ”', '😀', '<>']) {
    const result = await cold.search(query, options)
    expect(result).toEqual({
      query,
      correctedQuery: null,
      total: 0,
      hits: [],
      sources: [],
      terms: [],
      prefixTerm: null,
    })
  }
  expect(fresh.loaded).toEqual([])
})

it('loads only the pieces a query needs', async () => {
  const fresh = memorySite(fixtureArticles())
  const cold = createSearchEngine(fresh.load)
  const result = await cold.search('magnitogorsk explosion', options)
  expect(result.total).toBe(1)
  const kinds = fresh.loaded.map((p) => p.replace(/\d+/g, 'N'))
  expect(kinds).toContain('search/root.bin')
  expect(kinds.filter((k) => k.startsWith('articles/'))).toHaveLength(1)
  // Known words: no typo shards, no ranks.
  expect(kinds.filter((k) => k.startsWith('search/f/') || k === 'search/ranks.bin')).toEqual([])
  const before = fresh.loaded.length
  await cold.search('magnitogorsk explosion', options)
  expect(fresh.loaded.length).toBe(before)
})

it('prepare loads the root only, and the first search then reads it from memory', async () => {
  const fresh = memorySite(fixtureArticles())
  const cold = createSearchEngine(fresh.load)
  await cold.prepare()
  expect(fresh.loaded).toEqual(['search/root.bin'])
  await cold.search('magnitogorsk explosion', options)
  expect(fresh.loaded.filter((p) => p === 'search/root.bin')).toHaveLength(1)
})

it('a rare word loads its few articles while its corrections load, not after', async () => {
  const fresh = memorySite(fixtureArticles())
  let docRequested = false
  let releaseTypos = () => {}
  const typosHeld = new Promise<void>((resolve) => (releaseTypos = resolve))
  const cold = createSearchEngine(async (path) => {
    if (path.startsWith('search/d/')) docRequested = true
    if (path.startsWith('search/f/')) await typosHeld
    return fresh.load(path)
  })
  const searching = cold.search('magnitogorsk', options)
  await expect.poll(() => docRequested).toBe(true)
  releaseTypos()
  const result = await searching
  expect(result.hits[0]?.title).toContain('Magnitogorsk')
  expect(fresh.loaded).toContainEqual(expect.stringMatching(/^search\/f\//))
})

it('counts matches per source before the filter, and the total after it', async () => {
  const all = await search('police')
  expect(all.total).toBe(2)
  expect(all.sources).toEqual([
    { name: 'Eastern Star', slug: 'eastern-star', count: 1 },
    { name: 'Pacific Dispatch', slug: 'pacific-dispatch', count: 1 },
  ])
  const filtered = await search('police', { source: 'eastern-star' })
  expect(filtered.total).toBe(1)
  expect(filtered.sources).toEqual(all.sources)
  expect((await search('police', { source: 'no-such-source' })).total).toBe(0)
})

it('sorts by date, newest first, when asked', async () => {
  const result = await search('the', { sort: 'newest', limit: 30 })
  const dates = result.hits.map((h) => h.date ?? '')
  const dated = dates.filter((d) => d !== '')
  expect(dated).toEqual([...dated].sort().reverse())
  expect(result.total).toBeGreaterThan(10)
})

it('returns the first `limit` hits and the full total', async () => {
  const result = await search('the', { limit: 3 })
  expect(result.hits).toHaveLength(3)
  expect(result.total).toBeGreaterThan(3)
  expect((await search('the', { limit: 0 })).hits).toEqual([])
})

it('requires every word', async () => {
  expect((await search('hurricane kipchoge')).total).toBe(0)
  expect((await search('hurricane louisiana')).total).toBe(2)
})

it('matches a quoted phrase exactly, in order', async () => {
  expect((await search('"pro democracy camp"')).total).toBe(1)
  expect((await search('"camp democracy pro"')).total).toBe(0)
  expect((await search('pro democracy camp')).total).toBe(1)
  // A quoted word is never completed nor corrected.
  expect((await search('"magnit"')).total).toBe(0)
  expect((await search('"hajiev"')).total).toBe(0)
})

it('completes the last word while typing, unless a space says it is finished', async () => {
  const typing = await search('storm')
  expect(typing.prefixTerm).toBe('storm')
  expect(typing.hits.map((h) => h.title)).toContain('Ferry service resumes after winter storms')
  expect(typing.total).toBe(3)
  const finished = await search('storm ')
  expect(finished.prefixTerm).toBeNull()
  expect(finished.total).toBe(2)
})

it('corrects a word the corpus lacks, says so, and can search as typed instead', async () => {
  const result = await search('Azerbijan foreign')
  expect(result.correctedQuery).toBe('azerbaijan foreign')
  expect(result.terms).toEqual(['azerbaijan', 'foreign'])
  expect(result.hits[0]?.id).toBe(fixtureId('Hajiyev gives'))
  const asTyped = await search('Azerbijan foreign', { correct: false })
  expect(asTyped.total).toBe(0)
  expect(asTyped.correctedQuery).toBeNull()
})

it('never lets a correction displace an exact match', async () => {
  // "bird" and "birds" are both near "bid"; "bird" itself is in the corpus: no correction.
  const result = await search('bird')
  expect(result.correctedQuery).toBeNull()
  for (const hit of result.hits) expect(hit.title.toLowerCase()).toContain('bird')
})

it('answers nothing, without throwing, when no correction helps', async () => {
  const result = await search('qwxzvbnm')
  expect(result.total).toBe(0)
  expect(result.correctedQuery).toBeNull()
})

it('highlights the searched words in the title and the excerpt', async () => {
  const result = await search('water vapour')
  const hit = result.hits[0]
  expect(hit).toBeDefined()
  if (!hit) return
  expect(hit.titleHighlights.map(([s, e]) => hit.title.slice(s, e))).toEqual(['water', 'vapour'])
  expect(hit.excerptHighlights.map(([s, e]) => hit.excerpt.slice(s, e))).toEqual([
    'water',
    'vapour',
  ])
  expect(hit.excerpt).toContain('water vapour')
})

it('gives the article view the terms and prefix to highlight', async () => {
  const result = await search('hurricane landf')
  expect(result.terms).toEqual(['hurricane', 'landf'])
  expect(result.prefixTerm).toBe('landf')
  const title = result.hits[0]?.title ?? ''
  expect(
    highlightRanges(title, result.terms, result.prefixTerm).map(([s, e]) => title.slice(s, e)),
  ).toEqual(['Hurricane', 'landfall'])
})

it('shows the lead of a long article instead of loading its large file', async () => {
  const fresh = memorySite(fixtureArticles())
  const cold = createSearchEngine(fresh.load)
  const result = await cold.search('captain cotton', options)
  expect(result.hits[0]?.title).toBe('Long interview with a retired ship captain')
  expect(result.hits[0]?.excerpt.startsWith('Part 1:')).toBe(true)
  expect(fresh.loaded.filter((p) => p.startsWith('articles/'))).toEqual([])
})

it('rejects when a file fails to load, and loads it again on the next search', async () => {
  const fresh = memorySite(fixtureArticles())
  let failures = 1
  const flaky = async (path: string) => {
    if (path.startsWith('search/t/') && failures > 0) {
      failures--
      throw new Error('network down')
    }
    return fresh.load(path)
  }
  const cold = createSearchEngine(flaky)
  await expect(cold.search('kipchoge', options)).rejects.toThrow('network down')
  const result = await cold.search('kipchoge', options)
  expect(result.hits[0]?.id).toBe(fixtureId('Marathon runner Kipchoge'))
})

it('rejects a file that is not what the index expects', async () => {
  const broken = createSearchEngine(async (path) =>
    path.endsWith('.bin') ? new Uint8Array([1, 2, 3]) : null,
  )
  await expect(broken.search('kipchoge', options)).rejects.toThrow()
  const wrongType = createSearchEngine(async () => ({ not: 'bytes' }))
  await expect(wrongType.search('kipchoge', options)).rejects.toThrow(/bytes/)
})

it('stops when aborted', async () => {
  const controller = new AbortController()
  controller.abort()
  await expect(engine.search('kipchoge', options, controller.signal)).rejects.toThrow()

  let release: () => void = () => {}
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  const fresh = memorySite(fixtureArticles())
  const slow = createSearchEngine(async (path) => {
    await gate
    return fresh.load(path)
  })
  const later = new AbortController()
  const pending = slow.search('kipchoge', options, later.signal)
  later.abort()
  release()
  await expect(pending).rejects.toThrow()
})

it('handles hostile and odd queries with a sensible answer', async () => {
  const queries = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '"',
    'hong "kong',
    '"""',
    'שלום עולם',
    'مرحبا',
    '😀 marathon 😀',
    '%E0%A4%A',
    'x'.repeat(10_000),
    'marathon '.repeat(1_500),
    '\u0000\u0001 kipchoge \uffff',
    '\ud800 broken surrogate',
    'DROP TABLE articles; --',
  ]
  for (const query of queries) {
    const started = performance.now()
    const result = await search(query)
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(result.query).toBe(query)
    expect(result.hits.length).toBeLessThanOrEqual(10)
  }
  expect((await search('😀 marathon 😀')).total).toBe(2)
  expect((await search('marathon '.repeat(1_500))).total).toBe(2)
})

it('searches a lone rare word with its frequent neighbours too, exact matches first', async () => {
  const articles = fixtureArticles().slice(0, 3)
  const text = (i: number, word: string) =>
    ['---', `title: Budget news ${i}`, '---', `The ${word} presented its budget plans.`, ''].join(
      '\n',
    )
  for (let i = 0; i < 25; i++) {
    const id = (0xbeef00 + i).toString(16).padStart(16, '0')
    const { article } = parseArticle(
      `${i}_${id}.txt`,
      new TextEncoder().encode(text(i, 'government')),
    )
    if (article) articles.push(article)
  }
  const typo = parseArticle(
    `99_${'00000000000be999'}.txt`,
    new TextEncoder().encode(text(99, 'goverment')),
  ).article
  if (typo) articles.push(typo)
  const rare = createSearchEngine(memorySite(articles).load)
  const result = await rare.search('goverment', options)
  expect(result.hits[0]?.title).toBe('Budget news 99')
  expect(result.total).toBe(26)
  expect(result.correctedQuery).toBeNull()
  // With another word, their meeting says the rare word was meant.
  expect((await rare.search('goverment budget', options)).total).toBe(1)
})

it('a prefetch loads the files a search for the query starts with, and the search then finds them', async () => {
  const fresh = memorySite(fixtureArticles())
  const typing = createSearchEngine(fresh.load)
  const query = 'hurricane landf'
  await typing.prefetch(query)
  const prefetched = [...fresh.loaded]
  expect(prefetched.filter((path) => path.startsWith('search/t/')).length).toBeGreaterThan(0)
  // Not the results' own files: which results come first is the search's to find.
  expect(prefetched.filter((path) => /^(search\/d\/|articles\/)/.test(path))).toEqual([])

  await typing.search(query, options)
  const searched = fresh.loaded.slice(prefetched.length)
  expect(searched.filter((path) => /^search\/[tb]\//.test(path))).toEqual([])
  expect(searched.length).toBeGreaterThan(0)
})
