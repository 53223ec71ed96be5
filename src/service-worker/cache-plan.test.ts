import { expect, test } from 'vitest'
import {
  articleDataUrl,
  belongsToBuild,
  cacheNames,
  classify,
  isOtherDataVersion,
  obsoleteCaches,
  overflow,
} from './cache-plan'

const root = new URL('https://news.example/')
const sub = new URL('https://news.example/repo/')

test('each build names its own precache and pages; the data cache is shared', () => {
  expect(cacheNames('aaa')).toEqual({
    precache: 'newsreader-precache-aaa',
    pages: 'newsreader-pages-aaa',
    data: 'newsreader-data',
  })
  expect(cacheNames('bbb').precache).not.toBe(cacheNames('aaa').precache)
})

test("activation deletes the other builds' caches, and only ours", () => {
  const existing = [
    'newsreader-precache-old',
    'newsreader-pages-old',
    'newsreader-precache-new',
    'newsreader-pages-new',
    'newsreader-data',
    'some-other-app',
  ]
  expect(obsoleteCaches(existing, 'new')).toEqual([
    'newsreader-precache-old',
    'newsreader-pages-old',
  ])
  expect(obsoleteCaches(['newsreader-precache-new', 'newsreader-data'], 'new')).toEqual([])
})

test('requests: pages, data and static files in scope; the rest is left alone', () => {
  const get = (mode: string) => ({ method: 'GET', mode })
  expect(classify(new URL('https://news.example/articles/x/y'), get('navigate'), root)).toBe(
    'navigation',
  )
  expect(classify(new URL('https://news.example/data/v1/pages/2.json'), get('cors'), root)).toBe(
    'data',
  )
  expect(classify(new URL('https://news.example/assets/index-x.js'), get('cors'), root)).toBe(
    'static',
  )
  expect(
    classify(
      new URL('https://news.example/data/v1/a.json'),
      { method: 'POST', mode: 'cors' },
      root,
    ),
  ).toBeNull()
  expect(classify(new URL('https://cdn.example/data/v1/a.json'), get('cors'), root)).toBeNull()
  // Under a base path, what lies outside it is not the site's.
  expect(classify(new URL('https://news.example/other/data/v1.json'), get('cors'), sub)).toBeNull()
  expect(classify(new URL('https://news.example/repo/data/v1/a.json'), get('cors'), sub)).toBe(
    'data',
  )
})

test('data of another corpus version is stale; this version and other files are not', () => {
  expect(isOtherDataVersion('https://news.example/data/old/manifest.json', root, 'new')).toBe(true)
  expect(isOtherDataVersion('https://news.example/data/new/manifest.json', root, 'new')).toBe(false)
  expect(isOtherDataVersion('https://news.example/data/newer/a.json', root, 'new')).toBe(true)
  expect(isOtherDataVersion('https://news.example/repo/data/old/a.json', sub, 'new')).toBe(true)
  expect(isOtherDataVersion('https://news.example/assets/x.js', root, 'new')).toBe(false)
})

test('a page belongs to the build when every asset it names was precached', () => {
  const precache = new Set(['shell.html', 'assets/boot-1.js', 'assets/index-1.css'])
  const page = (boot: string) =>
    `<link rel="icon" href="/favicon.svg"><script type="module" crossorigin src="/assets/${boot}"></script><link rel="stylesheet" crossorigin href="/assets/index-1.css">`
  expect(belongsToBuild(page('boot-1.js'), root, precache)).toBe(true)
  // A page of the next deployment, fetched while this build's worker still runs.
  expect(belongsToBuild(page('boot-2.js'), root, precache)).toBe(false)
  // The short-URL redirect page names no assets.
  expect(belongsToBuild('<meta http-equiv="refresh" content="0; url=/a">', root, precache)).toBe(
    true,
  )
  expect(belongsToBuild('<script src="/repo/assets/boot-1.js"></script>', sub, precache)).toBe(true)
  expect(belongsToBuild('<script src="/repo/assets/boot-9.js"></script>', sub, precache)).toBe(
    false,
  )
})

test("an article page's data file, for canonical and short URLs only", () => {
  const id = '0123456789abcdef'
  const file = `data/v1/articles/01/${id}.json`
  expect(articleDataUrl(`https://news.example/articles/${id}/a-slug`, root, 'v1')).toBe(
    `https://news.example/${file}`,
  )
  expect(articleDataUrl(`https://news.example/articles/${id}`, root, 'v1')).toBe(
    `https://news.example/${file}`,
  )
  expect(articleDataUrl(`https://news.example/repo/articles/${id}/s`, sub, 'v1')).toBe(
    `https://news.example/repo/${file}`,
  )
  expect(articleDataUrl('https://news.example/articles/../../etc/s', root, 'v1')).toBeNull()
  expect(articleDataUrl('https://news.example/articles/NOTANID/s', root, 'v1')).toBeNull()
  expect(articleDataUrl('https://news.example/sources/x', root, 'v1')).toBeNull()
  expect(articleDataUrl(`https://news.example/articles/${id}/a/b`, root, 'v1')).toBeNull()
})

test('a bounded cache drops its oldest entries past the bound', () => {
  expect(overflow(['a', 'b', 'c', 'd'], 2)).toEqual(['a', 'b'])
  expect(overflow(['a', 'b'], 2)).toEqual([])
  expect(overflow([], 5)).toEqual([])
})
