import type { Rolldown } from 'vite'
import { expect, test } from 'vitest'
import { COMPILE_HINT, hintedChunks, withCompileHint } from './compile-hints.ts'

test('the hint is the first line, ahead of what the bundler put at the top', () => {
  const code = 'const __vite__mapDeps=(i)=>i;\nexport{}'
  expect(withCompileHint(code).split('\n')[0]).toBe(COMPILE_HINT)
  expect(withCompileHint(code).slice(COMPILE_HINT.length + 1)).toBe(code)
})

test('a chunk written twice keeps one hint', () => {
  const once = withCompileHint('export{}')
  expect(withCompileHint(once)).toBe(once)
})

const chunk = (fileName: string, facadeModuleId: string, more: object = {}) =>
  ({
    type: 'chunk',
    fileName,
    facadeModuleId,
    isEntry: false,
    imports: [],
    dynamicImports: [],
    ...more,
  }) as const

const bundle = {
  'assets/index-1.js': chunk('assets/index-1.js', '/app/index.html', {
    isEntry: true,
    imports: ['assets/shared-3.js'],
    dynamicImports: ['assets/client-2.js', 'assets/home-4.js'],
  }),
  'assets/client-2.js': chunk('assets/client-2.js', '/app/node_modules/react-dom/client.js'),
  'assets/shared-3.js': chunk('assets/shared-3.js', '/app/src/lib/format.ts'),
  'assets/home-4.js': chunk('assets/home-4.js', '/app/src/app/routes/home.tsx'),
  'assets/search-early-5.js': chunk(
    'assets/search-early-5.js',
    '/app/src/app/start/search-early.ts',
    {
      isEntry: true,
      imports: ['assets/shared-3.js'],
    },
  ),
} as unknown as Rolldown.OutputBundle

test('the entries, what they import statically and their start-up libraries are marked', () => {
  expect(
    hintedChunks(bundle, ['/app/index.html', '/app/src/app/start/search-early.ts']).sort(),
  ).toEqual([
    'assets/client-2.js',
    'assets/index-1.js',
    'assets/search-early-5.js',
    'assets/shared-3.js',
  ])
})

test('an input of the build without its entry chunk stops the build, naming it', () => {
  expect(() => hintedChunks(bundle, ['/app/index.html', '/app/src/search-early.ts'])).toThrow(
    'compile-hints: the bundle has no entry chunk for the build input /app/src/search-early.ts',
  )
})
