import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Rolldown } from 'vite'
import { afterAll, expect, test } from 'vitest'
import { wrap } from '../../../src/lib/reader-store/migrate.ts'
import { DEFAULT_SETTINGS, STORE_KEYS } from '../../../src/lib/reader-store/schema.ts'
import { cspPlugin } from '../plugins/csp.ts'
import {
  buildReaderSettingsScript,
  EARLY_SETTINGS_MODULE,
  injectReaderSettings,
  readerSettingsPlugin,
} from './reader-settings.ts'

const module = resolve(import.meta.dirname, '../../..', EARLY_SETTINGS_MODULE)
const script = buildReaderSettingsScript(module)
const folders: string[] = []

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

/** Runs the script in this (jsdom) page, its storage holding `stored` under the settings key. */
function runIn(code: string, stored: string | null) {
  const root = document.documentElement
  for (const name of ['data-theme', 'data-font', 'data-width', 'data-text-size']) {
    root.removeAttribute(name)
  }
  localStorage.clear()
  if (stored !== null) localStorage.setItem(STORE_KEYS.settings, stored)
  // As a classic script runs: in the global scope, with no module around it.
  new Function(code)()
  return root
}

test('the script is self-contained and small, and sets the stored settings on <html>', async () => {
  const code = await script
  expect(code).not.toMatch(/\bimport\b|\bexport\b|\brequire\(/)
  expect(gzipSync(code).length).toBeLessThan(1024)
  const root = runIn(
    code,
    wrap({ ...DEFAULT_SETTINGS, theme: 'sepia', font: 'sans', width: 'wide', textSize: 5 }),
  )
  expect(root.getAttribute('data-theme')).toBe('sepia')
  expect(root.getAttribute('data-font')).toBe('sans')
  expect(root.getAttribute('data-width')).toBe('wide')
  expect(root.getAttribute('data-text-size')).toBe('5')
})

test.each([
  ['nothing stored', null],
  ['damaged data', '{"v":1,"data":'],
  ['a newer version', wrap(DEFAULT_SETTINGS, 99)],
])('with %s the script leaves the defaults and throws nothing', async (_, stored) => {
  const root = runIn(await script, stored)
  expect(root.getAttribute('data-theme')).toBeNull()
  expect(root.getAttribute('data-text-size')).toBeNull()
})

test("the tag goes first in the head, after the policy's <meta> when that comes first", () => {
  const src = '/assets/reader-settings-0123abcd.js'
  const tag = `<script src="${src}"></script>`
  expect(injectReaderSettings('<html><head><meta charset="UTF-8" /></head>', src, 'a.html')).toBe(
    `<html><head>\n    ${tag}<meta charset="UTF-8" /></head>`,
  )
  const csp = `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`
  expect(injectReaderSettings(`<head lang="en">\n  ${csp}\n<title>x</title>`, src, 'b.html')).toBe(
    `<head lang="en">\n  ${csp}\n    ${tag}\n<title>x</title>`,
  )
})

test('a page without a <head> stops the build, naming the file', () => {
  expect(() => injectReaderSettings('<html><body></body></html>', '/x.js', 'index.html')).toThrow(
    /reader-settings: index\.html has no <head>/,
  )
  // <header> is no <head>.
  expect(() => injectReaderSettings('<body><header></header></body>', '/x.js', 'p.html')).toThrow(
    /has no <head>/,
  )
})

test('in a build, the script is a hashed asset and index.html loads it after the policy', async () => {
  const root = mkdtempSync(join(tmpdir(), 'reader-settings-'))
  folders.push(root)
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><meta charset="UTF-8" /><title>t</title></head><body></body></html>',
  )
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    base: '/repo/',
    plugins: [cspPlugin(), readerSettingsPlugin({ module })],
    build: { write: false, rolldownOptions: { input: join(root, 'index.html') } },
  })
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
    'output' in r ? (r.output as (Rolldown.OutputChunk | Rolldown.OutputAsset)[]) : [],
  )
  const asset = outputs.find((o) => /^assets\/reader-settings-[0-9a-f]{8}\.js$/.test(o.fileName))
  expect(asset?.type).toBe('asset')
  const html = outputs.find((o) => o.fileName === 'index.html')
  const source = html?.type === 'asset' ? String(html.source) : ''
  const head = source.slice(source.indexOf('<head>'), source.indexOf('<title>'))
  expect(head).toMatch(
    new RegExp(
      `^<head>\\s*<meta http-equiv="Content-Security-Policy"[^>]*>\\s*<script src="/repo/${asset?.fileName}"></script>`,
    ),
  )
  expect(asset?.type === 'asset' ? String(asset.source) : '').toBe(await script)
})
