import { afterEach, expect, test } from 'vitest'
import { wrap } from './migrate'
import { applyStoredSettings } from './early-settings'
import { DEFAULT_SETTINGS, STORE_KEYS } from './schema'

const root = document.documentElement
const attributes = () =>
  Object.fromEntries(
    ['data-theme', 'data-font', 'data-width', 'data-text-size'].map((name) => [
      name,
      root.getAttribute(name),
    ]),
  )

afterEach(() => {
  localStorage.clear()
  for (const name of ['data-theme', 'data-font', 'data-width', 'data-text-size']) {
    root.removeAttribute(name)
  }
})

test('stored settings become attributes on <html>; defaults add none', () => {
  localStorage.setItem(
    STORE_KEYS.settings,
    wrap({ ...DEFAULT_SETTINGS, theme: 'sepia', font: 'sans', width: 'wide', textSize: 6 }),
  )
  applyStoredSettings(root, () => localStorage)
  expect(attributes()).toEqual({
    'data-theme': 'sepia',
    'data-font': 'sans',
    'data-width': 'wide',
    'data-text-size': '6',
  })
  localStorage.setItem(STORE_KEYS.settings, wrap(DEFAULT_SETTINGS))
  applyStoredSettings(root, () => localStorage)
  expect(attributes()).toEqual({
    'data-theme': null,
    'data-font': null,
    'data-width': null,
    'data-text-size': null,
  })
})

test.each([
  ['damaged', '{"v":1,'],
  ['of a wrong value', wrap({ ...DEFAULT_SETTINGS, theme: 'neon' })],
  ['from a newer version', wrap(DEFAULT_SETTINGS, 99)],
])('settings stored %s leave the defaults', (_, raw) => {
  localStorage.setItem(STORE_KEYS.settings, raw)
  applyStoredSettings(root, () => localStorage)
  expect(root.getAttribute('data-theme')).toBeNull()
})

test('blocked storage leaves the defaults and does not throw', () => {
  expect(() =>
    applyStoredSettings(root, () => {
      throw new DOMException('blocked', 'SecurityError')
    }),
  ).not.toThrow()
  expect(root.getAttribute('data-theme')).toBeNull()
})
