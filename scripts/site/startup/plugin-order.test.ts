import type { Plugin, ResolvedConfig } from 'vite'
import { expect, test } from 'vitest'
import { compileHintsPlugin } from './compile-hints.ts'
import { deferEntryPlugin } from './defer-entry.ts'
import { checkPluginOrder, type OrderRule } from './plugin-order.ts'
import { startupPlugins } from './plugins.ts'

const named = (...names: string[]) => names.map((name) => ({ name }))
const beforeZip: OrderRule[] = [{ plugin: 'zip', comes: 'before', because: 'zip reads its files' }]

test('a plugin listed after one it must precede stops the build, naming both and why', () => {
  expect(() => checkPluginOrder(named('zip', 'hints'), 'hints', beforeZip)).toThrow(
    "hints must come before zip in the build's plugins, since zip reads its files; it comes after it.",
  )
  expect(() =>
    checkPluginOrder(named('hints', 'html'), 'hints', [
      { plugin: 'html', comes: 'after', because: 'it reads the HTML' },
    ]),
  ).toThrow('hints must come after html')
})

test('the right order, or a build without the other plugin, passes', () => {
  expect(() => checkPluginOrder(named('hints', 'zip'), 'hints', beforeZip)).not.toThrow()
  expect(() => checkPluginOrder(named('hints'), 'hints', beforeZip)).not.toThrow()
})

/** Resolves `plugins` as Vite would list them, and runs each one's configResolved. */
function resolveConfig(plugins: Plugin[]) {
  const config = { plugins, build: {} } as unknown as ResolvedConfig
  for (const plugin of plugins) {
    const hook = plugin.configResolved
    if (typeof hook === 'function') void hook.call({} as never, config)
  }
}

test('each start-up plugin checks that compression and the service worker come after it', () => {
  const precompress = { name: 'newsreader:precompress' }
  const serviceWorker = { name: 'newsreader:service-worker' }
  expect(() => resolveConfig([...startupPlugins(), serviceWorker, precompress])).not.toThrow()
  expect(() => resolveConfig([precompress, compileHintsPlugin()])).toThrow(
    'newsreader:compile-hints must come before newsreader:precompress',
  )
  expect(() => resolveConfig([serviceWorker, deferEntryPlugin()])).toThrow(
    'newsreader:defer-entry must come before newsreader:service-worker',
  )
})
