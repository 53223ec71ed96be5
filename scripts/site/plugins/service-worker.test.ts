import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { buildVersion, dataVersionOf, precacheList } from './service-worker.ts'

let outDir: string

function write(path: string, content: string) {
  mkdirSync(dirname(join(outDir, path)), { recursive: true })
  writeFileSync(join(outDir, path), content)
}

beforeEach(() => {
  outDir = mkdtempSync(join(tmpdir(), 'sw-plugin-'))
  write('index.html', '<script src="/assets/boot-1.js"></script>')
  write('assets/index-b.js', 'b')
  write('assets/boot-1.js', 'boot')
  write('assets/index-a.css', 'a')
  write('favicon.svg', '<svg/>')
  write('manifest.webmanifest', '{}')
  write('icons/icon-192.png', 'png')
  write('data/v1/manifest.json', '{}')
  write('data/v1/pages/1.json', '{}')
  write('data/v1/pages/2.json', '{}')
  write('data/v1/articles/ab/abcdefabcdefabcd.json', '{}')
  write('articles/abcdefabcdefabcd/slug.html', '<p>page</p>')
})

afterEach(() => {
  rmSync(outDir, { recursive: true, force: true })
})

test('precaches the shell, every asset, the icons and the first data, nothing else', () => {
  expect(precacheList(outDir, 'v1')).toEqual([
    'shell.html',
    'assets/boot-1.js',
    'assets/index-a.css',
    'assets/index-b.js',
    'favicon.svg',
    'manifest.webmanifest',
    'icons/icon-192.png',
    'data/v1/manifest.json',
    'data/v1/pages/1.json',
  ])
})

test('the version changes with any precached file, and only with them', () => {
  const files = precacheList(outDir, 'v1')
  const first = buildVersion(outDir, files, '/')
  expect(buildVersion(outDir, files, '/')).toBe(first)
  write('articles/abcdefabcdefabcd/slug.html', '<p>another page</p>')
  expect(buildVersion(outDir, files, '/')).toBe(first)
  write('assets/index-b.js', 'b, rebuilt')
  const second = buildVersion(outDir, files, '/')
  expect(second).not.toBe(first)
  // shell.html is written after the build from index.html, which stands in for it.
  write('index.html', '<script src="/assets/boot-2.js"></script>')
  expect(buildVersion(outDir, files, '/')).not.toBe(second)
  expect(buildVersion(outDir, files, '/repo/')).not.toBe(buildVersion(outDir, files, '/'))
})

test('the data version is the one folder under data/, and anything else is an error', () => {
  expect(dataVersionOf(outDir)).toBe('v1')
  mkdirSync(join(outDir, 'data', 'v2'))
  expect(() => dataVersionOf(outDir)).toThrow(/expected one data version in .*data, found 2/)
})
