import { expect, test } from 'vitest'
import {
  languageTable,
  languageTarget,
  queryLanguage,
  rankOf,
  relevanceByKind,
  relevanceTargets,
  transferKind,
} from './metrics.ts'

test('rankOf is the position from 0, or -1 when the id is absent', () => {
  expect(rankOf(['a', 'b', 'c'], 'a')).toBe(0)
  expect(rankOf(['a', 'b', 'c'], 'c')).toBe(2)
  expect(rankOf(['a', 'b', 'c'], 'z')).toBe(-1)
  expect(rankOf([], 'a')).toBe(-1)
})

test('relevanceByKind computes success@1, MRR and recall within the cutoff, per kind and all', () => {
  const relevance = relevanceByKind([
    { kind: 'title', rank: 0 },
    { kind: 'title', rank: 1 },
    { kind: 'body', rank: 3 },
    { kind: 'body', rank: -1 },
    { kind: 'body', rank: 10 },
  ])
  expect([...relevance.keys()]).toEqual(['title', 'body', 'all'])
  expect(relevance.get('title')).toEqual({ queries: 2, successAt1: 0.5, mrr: 0.75, recall: 1 })
  const body = relevance.get('body')
  expect(body?.queries).toBe(3)
  expect(body?.successAt1).toBe(0)
  // Rank 10 is the eleventh result: outside MRR@10 and recall@10.
  expect(body?.mrr).toBeCloseTo(0.25 / 3, 10)
  expect(body?.recall).toBeCloseTo(1 / 3, 10)
  const all = relevance.get('all')
  expect(all?.queries).toBe(5)
  expect(all?.successAt1).toBeCloseTo(0.2, 10)
  expect(all?.mrr).toBeCloseTo((1 + 0.5 + 0.25) / 5, 10)
  expect(all?.recall).toBeCloseTo(0.6, 10)
})

test('relevanceByKind honours another cutoff', () => {
  const relevance = relevanceByKind([{ kind: 'typo', rank: 2 }], 2)
  expect(relevance.get('typo')).toEqual({ queries: 1, successAt1: 0, mrr: 0, recall: 0 })
})

test('relevanceTargets says which targets are met and by how much one is missed', () => {
  const relevance = relevanceByKind([
    { kind: 'title', rank: 0 },
    { kind: 'body', rank: 0 },
    { kind: 'typo', rank: 0 },
    { kind: 'typo', rank: 1 },
  ])
  const targets = relevanceTargets(relevance)
  expect(targets.map((t) => [t.label, t.met])).toEqual([
    ['title success@1 1.00', true],
    ['body success@1 >= 0.97', true],
    ['typo success@1 >= 0.90', false],
    ['all success@1 >= 0.96', false],
  ])
  expect(targets[2]?.detail).toBe('0.50 over 2 queries, short by 0.40')
  expect(relevanceTargets(new Map())[0]).toMatchObject({ met: false, detail: 'no queries' })
})

test('transferKind tells engine code, index, display data and pages apart', () => {
  expect(transferKind('/assets/search-engine-Ab12.js')).toBe('code')
  expect(transferKind('/pagefind/pagefind.js')).toBe('code')
  expect(transferKind('/pagefind/wasm.en.pagefind')).toBe('code')
  expect(transferKind('/data/3f9a/search/root.json')).toBe('index')
  expect(transferKind('/data/3f9a/search/terms/0012.bin')).toBe('index')
  expect(transferKind('/minisearch-index.json')).toBe('index')
  expect(transferKind('/flexsearch-index.json')).toBe('index')
  expect(transferKind('/orama-index.json')).toBe('index')
  expect(transferKind('/orama/methods/search.js')).toBe('code')
  expect(transferKind('/pagefind/pagefind-entry.json')).toBe('index')
  expect(transferKind('/pagefind/pagefind.en_c62b.pf_meta')).toBe('index')
  expect(transferKind('/pagefind/index/en_12ab.pf_index')).toBe('index')
  expect(transferKind('/pagefind/fragment/en_12ab.pf_fragment')).toBe('display')
  expect(transferKind('/data/3f9a/articles/ab/ab12.json')).toBe('display')
  expect(transferKind('/search')).toBe('page')
})

test('languageTable gives success@1 per language and kind, and languageTarget the misses', () => {
  const ranked = [
    { kind: 'title', rank: 0, lang: 'th' },
    { kind: 'body', rank: -1, lang: 'th' },
    { kind: 'title', rank: 0, lang: 'ko' },
    { kind: 'body', rank: 0, lang: 'ko' },
  ]
  expect(languageTable(ranked).split('\n')).toEqual([
    '| language | title success@1 | body success@1 | all success@1 |',
    '| --- | ---: | ---: | ---: |',
    '| ko | 1.00 (1) | 1.00 (1) | 1.00 (2) |',
    '| th | 1.00 (1) | 0.00 (1) | 0.50 (2) |',
  ])
  expect(languageTarget(ranked)).toMatchObject({ met: false, detail: 'short: th body 0.00' })
  expect(languageTable([{ kind: 'title', rank: 0 }])).toBe('')
  expect(queryLanguage({ q: 'x', lang: 'th' })).toBe('th')
  expect(queryLanguage({ q: 'x' })).toBeUndefined()
})
