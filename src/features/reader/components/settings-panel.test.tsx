import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, expect, test, vi } from 'vitest'
import { createReaderStore } from '@/lib/reader-store/reader-store'
import { DEFAULT_SETTINGS } from '@/lib/reader-store/schema'
import { SettingsPanel } from './settings-panel'

function renderPanel() {
  const onShowShortcuts = vi.fn()
  render(<SettingsPanel id="settings" onShowShortcuts={onShowShortcuts} />)
  return { onShowShortcuts, user: userEvent.setup() }
}

/** What a new page (another store on the same localStorage) starts with. */
const storedSettings = () => createReaderStore(localStorage, { target: {} }).getSnapshot().settings

const root = document.documentElement

// The page's one reader store (browser-store.ts) has no reset: empty localStorage and tell the
// store, as another tab clearing it does, so each test starts from the defaults on a bare <html>.
beforeEach(() => {
  localStorage.clear()
  window.dispatchEvent(new StorageEvent('storage', { key: null }))
})

test('the panel starts from the defaults, and <html> carries none of them', () => {
  renderPanel()
  expect(screen.getByRole('radio', { name: 'Serif' })).toBeChecked()
  expect(screen.getByRole('radio', { name: 'Normal' })).toBeChecked()
  expect(screen.getByRole('radio', { name: 'Follow the system' })).toBeChecked()
  expect(screen.getByRole('checkbox', { name: 'Keyboard shortcuts' })).toBeChecked()
  expect(screen.getByRole('status')).toHaveTextContent('100%')
  for (const name of ['data-theme', 'data-font', 'data-width', 'data-text-size']) {
    expect(root).not.toHaveAttribute(name)
  }
})

test('sepia, sans-serif, wide and a larger text size apply to <html> and are kept', async () => {
  const { user } = renderPanel()
  await user.click(screen.getByRole('radio', { name: 'Sepia' }))
  expect(root).toHaveAttribute('data-theme', 'sepia')
  await user.click(screen.getByRole('radio', { name: 'Sans-serif' }))
  expect(root).toHaveAttribute('data-font', 'sans')
  await user.click(screen.getByRole('radio', { name: 'Wide' }))
  expect(root).toHaveAttribute('data-width', 'wide')
  await user.click(screen.getByRole('button', { name: 'Larger' }))
  expect(root).toHaveAttribute('data-text-size', '3')
  expect(screen.getByRole('status')).toHaveTextContent('106.25%')

  expect(screen.getByRole('radio', { name: 'Sepia' })).toBeChecked()
  expect(screen.getByRole('radio', { name: 'Sans-serif' })).toBeChecked()
  expect(screen.getByRole('radio', { name: 'Wide' })).toBeChecked()
  expect(storedSettings()).toEqual({
    ...DEFAULT_SETTINGS,
    theme: 'sepia',
    font: 'sans',
    width: 'wide',
    textSize: 3,
  })
})

test('back to a default, its attribute leaves <html>, and the stored value follows', async () => {
  const { user } = renderPanel()
  await user.click(screen.getByRole('radio', { name: 'Dark' }))
  await user.click(screen.getByRole('button', { name: 'Smaller' }))
  expect(root).toHaveAttribute('data-theme', 'dark')
  expect(root).toHaveAttribute('data-text-size', '1')
  expect(screen.getByRole('status')).toHaveTextContent('93.75%')

  await user.click(screen.getByRole('radio', { name: 'Follow the system' }))
  await user.click(screen.getByRole('button', { name: 'Larger' }))
  expect(root).not.toHaveAttribute('data-theme')
  expect(root).not.toHaveAttribute('data-text-size')
  expect(storedSettings()).toEqual(DEFAULT_SETTINGS)
})

test('the text size stops at the largest and the smallest', async () => {
  const { user } = renderPanel()
  const larger = screen.getByRole('button', { name: 'Larger' })
  for (let i = 0; i < 6; i += 1) await user.click(larger)
  expect(root).toHaveAttribute('data-text-size', '6')
  expect(screen.getByRole('status')).toHaveTextContent('137.5%')
  const smaller = screen.getByRole('button', { name: 'Smaller' })
  for (let i = 0; i < 8; i += 1) await user.click(smaller)
  expect(root).toHaveAttribute('data-text-size', '0')
  expect(screen.getByRole('status')).toHaveTextContent('87.5%')
  expect(storedSettings().textSize).toBe(0)
})

test('the shortcuts can be turned off, and listed', async () => {
  const { onShowShortcuts, user } = renderPanel()
  await user.click(screen.getByRole('checkbox', { name: 'Keyboard shortcuts' }))
  expect(screen.getByRole('checkbox', { name: 'Keyboard shortcuts' })).not.toBeChecked()
  expect(storedSettings().shortcuts).toBe(false)
  await user.click(screen.getByRole('button', { name: 'List the shortcuts' }))
  expect(onShowShortcuts).toHaveBeenCalledTimes(1)
})
