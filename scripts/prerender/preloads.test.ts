import { expect, test } from 'vitest'
import { chunkFiles, preloadTags, type ViteManifest } from './preloads.ts'

const manifest: ViteManifest = {
  'index.html': { file: 'assets/index-a.js', isEntry: true },
  'src/app/routes/search.tsx': {
    file: 'assets/search-b.js',
    imports: ['index.html', '_list-c.js', '_meta-d.js'],
  },
  '_list-c.js': { file: 'assets/list-c.js', imports: ['index.html', '_meta-d.js'] },
  '_meta-d.js': { file: 'assets/meta-d.js', imports: ['index.html'] },
  'src/features/search/engine/search-engine.ts': {
    file: 'assets/engine-e.js',
    imports: ['_meta-d.js'],
  },
}

test('a module and what it imports, each once, dependencies first, without the entry', () => {
  expect(
    chunkFiles(manifest, [
      'src/app/routes/search.tsx',
      'src/features/search/engine/search-engine.ts',
    ]),
  ).toEqual(['assets/meta-d.js', 'assets/list-c.js', 'assets/search-b.js', 'assets/engine-e.js'])
})

test('a module the build did not emit is an error that names it', () => {
  expect(() => chunkFiles(manifest, ['src/app/routes/gone.tsx'])).toThrow(
    'the build manifest has no chunk for src/app/routes/gone.tsx',
  )
})

test('the tags carry the base path and crossorigin, as module and fetch requests do', () => {
  expect(preloadTags('/news', ['assets/a.js'], ['/news/data/v/search/root.bin'])).toBe(
    '<link rel="modulepreload" crossorigin href="/news/assets/a.js" />\n' +
      '    <link rel="preload" as="fetch" crossorigin href="/news/data/v/search/root.bin" />',
  )
})
