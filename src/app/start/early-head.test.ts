// The head script as it ships: bundled on its own into a classic script, as
// scripts/site/startup/reader-settings.ts bundles it, and run the way a classic script runs.
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { rolldown } from 'rolldown'
import { afterEach, expect, test } from 'vitest'
import { wrap } from '@/lib/reader-store/migrate'
import { DEFAULT_SETTINGS, STORE_KEYS } from '@/lib/reader-store/schema'

async function bundle(): Promise<string> {
  const build = await rolldown({
    input: resolve(import.meta.dirname, 'early-head.ts'),
    transform: { target: 'es2022' },
  })
  try {
    const { output } = await build.generate({ format: 'iife', minify: true })
    const [chunk, ...rest] = output
    if (chunk?.type !== 'chunk' || rest.length > 0) throw new Error('not one script')
    return chunk.code
  } finally {
    await build.close()
  }
}

const script = bundle()
const root = document.documentElement

afterEach(() => {
  for (const name of ['data-path', 'data-page-mismatch', 'data-theme']) root.removeAttribute(name)
  localStorage.clear()
  window.history.replaceState(null, '', '/')
})

test('the script is self-contained and small', async () => {
  const code = await script
  expect(code).not.toMatch(/\bimport\b|\bexport\b|\brequire\(/)
  expect(gzipSync(code).length).toBeLessThan(1024)
})

test('on a page prerendered for another URL it applies the settings and marks the page', async () => {
  localStorage.setItem(STORE_KEYS.settings, wrap({ ...DEFAULT_SETTINGS, theme: 'sepia' }))
  root.dataset.path = '/'
  window.history.replaceState(null, '', '/?page=2')
  new Function(await script)()
  expect(root.getAttribute('data-theme')).toBe('sepia')
  expect(root.getAttribute('data-page-mismatch')).toBe('list')
})

test('on a page prerendered for its own URL it marks nothing', async () => {
  root.dataset.path = '/search'
  window.history.replaceState(null, '', '/search')
  new Function(await script)()
  expect(root.hasAttribute('data-page-mismatch')).toBe(false)
})
