// @vitest-environment node
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import type { Plugin, ResolvedConfig } from 'vite'
import { afterAll, expect, test } from 'vitest'
import { precompressPlugin } from './precompress.ts'

const root = mkdtempSync(join(tmpdir(), 'precompress-test-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Runs the plugin's hooks as Vite would after writing a client build into `root/dist`. */
async function runPlugin(ssr: boolean) {
  const plugin: Plugin = precompressPlugin()
  const config = { root, build: { outDir: 'dist', ssr } } as unknown as ResolvedConfig
  ;(plugin.configResolved as (c: ResolvedConfig) => void)(config)
  const writeBundle = plugin.writeBundle as { handler: () => Promise<void> }
  await writeBundle.handler()
}

test('each script and stylesheet gets a Brotli copy that decodes to it; nothing else does', async () => {
  const assets = join(root, 'dist/assets')
  mkdirSync(assets, { recursive: true })
  const script = 'export const greeting = "hello";\n'.repeat(200)
  writeFileSync(join(assets, 'index-abc.js'), script)
  writeFileSync(join(assets, 'index-abc.css'), 'body { margin: 0 }')
  writeFileSync(join(assets, 'icon.svg'), '<svg/>')
  await runPlugin(false)
  const copy = readFileSync(join(assets, 'index-abc.js.br'))
  expect(brotliDecompressSync(copy).toString()).toBe(script)
  expect(copy.length).toBeLessThan(script.length / 10)
  expect(brotliDecompressSync(readFileSync(join(assets, 'index-abc.css.br'))).toString()).toBe(
    'body { margin: 0 }',
  )
  expect(existsSync(join(assets, 'icon.svg.br'))).toBe(false)
})

test('the server-rendering build is left alone', async () => {
  const assets = join(root, 'dist/assets')
  writeFileSync(join(assets, 'entry-server.js'), 'export {}')
  await runPlugin(true)
  expect(existsSync(join(assets, 'entry-server.js.br'))).toBe(false)
})
