import { expect, test } from 'vitest'
import {
  chunkFiles,
  entryFile,
  preloadTags,
  searchPageHead,
  type ViteManifest,
} from './preloads.ts'

const manifest: ViteManifest = {
  'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_shared-f.js'] },
  'src/app/routes/search.tsx': {
    file: 'assets/search-b.js',
    imports: ['index.html', '_list-c.js', '_meta-d.js', '_client-e.js'],
  },
  '_list-c.js': { file: 'assets/list-c.js', imports: ['index.html', '_meta-d.js'] },
  '_meta-d.js': { file: 'assets/meta-d.js', imports: ['index.html'] },
  '_client-e.js': { file: 'assets/client-e.js', imports: ['_shared-f.js'] },
  '_shared-f.js': { file: 'assets/shared-f.js' },
  'src/app/start/search-early.ts': {
    file: 'assets/search-early-g.js',
    isEntry: true,
    imports: ['_client-e.js', '_shared-f.js'],
  },
}

test('a module and what it imports, each once, dependencies first, without the entry', () => {
  expect(chunkFiles(manifest, ['src/app/routes/search.tsx'])).toEqual([
    'assets/shared-f.js',
    'assets/meta-d.js',
    'assets/list-c.js',
    'assets/client-e.js',
    'assets/search-b.js',
  ])
})

test('a module the build did not emit is an error that names it', () => {
  expect(() => chunkFiles(manifest, ['src/app/routes/gone.tsx'])).toThrow(
    'the build manifest (.vite/manifest.json) has no chunk for src/app/routes/gone.tsx',
  )
  expect(() => entryFile(manifest, 'src/app/routes/search.tsx')).toThrow(
    'the build manifest (.vite/manifest.json) has no entry for src/app/routes/search.tsx',
  )
})

test('the tags carry the base path and crossorigin, as module and fetch requests do', () => {
  expect(preloadTags('/news', ['assets/a.js'], ['/news/data/v/search/root.bin'])).toBe(
    '<link rel="modulepreload" crossorigin href="/news/assets/a.js" />\n' +
      '    <link rel="preload" as="fetch" crossorigin href="/news/data/v/search/root.bin" />',
  )
})

test("the search page's head: the early search's files and script, then the view's chunks", () => {
  const template =
    '<head><script type="module" crossorigin src="/news/assets/boot-1.js"></script>' +
    '<link rel="modulepreload" crossorigin href="/news/assets/shared-f.js"></head>'
  const head = searchPageHead(manifest, {
    base: '/news',
    template,
    rootUrl: '/news/data/v/search/root.bin',
  })
  expect(head.split('\n').map((line) => line.trim())).toEqual([
    // The template's own preload of the shared chunk is not repeated.
    '<link rel="modulepreload" crossorigin href="/news/assets/client-e.js" />',
    '<link rel="preload" as="fetch" crossorigin href="/news/data/v/search/root.bin" />',
    // Async: it runs once loaded, holding up neither the boot script nor the paint.
    '<script type="module" async crossorigin src="/news/assets/search-early-g.js"></script>',
    '<link rel="modulepreload" crossorigin href="/news/assets/meta-d.js" />',
    '<link rel="modulepreload" crossorigin href="/news/assets/list-c.js" />',
    '<link rel="modulepreload" crossorigin href="/news/assets/search-b.js" />',
  ])
})
