import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, Link, RouterProvider } from 'react-router-dom'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { useReaderSettings } from '@/components/reader/use-reader'
import { paths } from '@/config/paths'
import { readerStore } from '@/lib/reader-store/browser-store'
import { storyLinkProps, storyProps } from '@/lib/story-scope'
import { useShortcuts } from './use-shortcuts'

const titles = ['First story', 'Second story', 'Third story']

/** A list page as the app marks it up (src/lib/story-scope.ts), with the shortcuts on it. */
function ListPage({ onHelp }: { onHelp: () => void }) {
  const { shortcuts } = useReaderSettings()
  useShortcuts({ enabled: shortcuts, onHelp })
  return (
    <main>
      <h1>Latest news</h1>
      <ol>
        {titles.map((title, i) => (
          <li key={title}>
            <article {...storyProps('item')}>
              <h2>
                <Link to={paths.article(`00000000000000a${i}`, 'story')} {...storyLinkProps}>
                  {title}
                </Link>
              </h2>
            </article>
          </li>
        ))}
      </ol>
      <label>
        Note <input />
      </label>
      <label>
        Comment <textarea />
      </label>
      <div role="textbox" aria-label="Editor" aria-multiline="true" contentEditable />
      <label>
        Dark theme <input type="radio" name="theme" />
      </label>
    </main>
  )
}

function renderPage() {
  const onHelp = vi.fn()
  const router = createMemoryRouter([{ path: '*', element: <ListPage onHelp={onHelp} /> }], {
    initialEntries: ['/sources/daily-test'],
  })
  render(<RouterProvider router={router} />)
  const pathname = () => router.state.location.pathname
  return { onHelp, pathname, user: userEvent.setup() }
}

/**
 * What the keys do loads on the first key that may be a shortcut (shortcut-keys.ts): `?` on the
 * page, once it has been handled, means every later key is handled in its own dispatch.
 */
async function loadShortcuts(page: ReturnType<typeof renderPage>) {
  await page.user.keyboard('?')
  await waitFor(() => expect(page.onHelp).toHaveBeenCalledTimes(1))
  page.onHelp.mockClear()
}

// jsdom has no `isContentEditable` (browsers do): the same answer, from the attribute.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'isContentEditable', {
    configurable: true,
    get(this: HTMLElement) {
      return this.closest('[contenteditable]:not([contenteditable="false"])') !== null
    },
  })
})

afterAll(() => {
  Reflect.deleteProperty(HTMLElement.prototype, 'isContentEditable')
})

// The page's one reader store (browser-store.ts) has no reset: empty localStorage and tell the
// store, as another tab clearing it does, so each test starts from the default settings.
beforeEach(() => {
  localStorage.clear()
  window.dispatchEvent(new StorageEvent('storage', { key: null }))
})

afterEach(() => {
  vi.useRealTimers()
})

test('j and k move the focus from story link to story link, and stop at the ends', async () => {
  const { user } = renderPage()
  const link = (name: string) => screen.getByRole('link', { name })
  await user.keyboard('j')
  await waitFor(() => expect(link('First story')).toHaveFocus())
  await user.keyboard('j')
  await waitFor(() => expect(link('Second story')).toHaveFocus())
  await user.keyboard('jj')
  await waitFor(() => expect(link('Third story')).toHaveFocus())
  await user.keyboard('k')
  await waitFor(() => expect(link('Second story')).toHaveFocus())
  await user.keyboard('kk')
  await waitFor(() => expect(link('First story')).toHaveFocus())
})

test('? asks for the list of shortcuts', async () => {
  const { onHelp, user } = renderPage()
  await user.keyboard('?')
  await waitFor(() => expect(onHelp).toHaveBeenCalledTimes(1))
  await user.keyboard('?')
  expect(onHelp).toHaveBeenCalledTimes(2)
})

test('g then h goes to the latest news, and g then s to the saved stories', async () => {
  vi.useFakeTimers({ toFake: ['Date', 'performance'] })
  const page = renderPage()
  await loadShortcuts(page)
  const { pathname, user } = page
  await user.keyboard('g')
  vi.advanceTimersByTime(1400)
  await user.keyboard('h')
  expect(pathname()).toBe('/')

  await user.keyboard('gs')
  expect(pathname()).toBe('/saved')
})

test('h or s long after g, or with another key between, goes nowhere', async () => {
  vi.useFakeTimers({ toFake: ['Date', 'performance'] })
  const page = renderPage()
  await loadShortcuts(page)
  const { pathname, user } = page
  await user.keyboard('g')
  vi.advanceTimersByTime(1600)
  await user.keyboard('h')
  await user.keyboard('g')
  vi.advanceTimersByTime(1600)
  await user.keyboard('s')
  await user.keyboard('gxh')
  expect(pathname()).toBe('/sources/daily-test')
})

/** What a field holds: its value, or an editable element's text. */
const typedInto = (field: HTMLElement) =>
  field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement
    ? field.value
    : field.textContent

test.each(['Note', 'Comment', 'Editor'])(
  'keys typed into %s are text, not shortcuts',
  async (name) => {
    const page = renderPage()
    await loadShortcuts(page)
    const { onHelp, pathname, user } = page
    const field = screen.getByRole('textbox', { name })
    await user.click(field)
    await user.keyboard('?jgh')
    expect(typedInto(field)).toBe('?jgh')
    expect(field).toHaveFocus()
    expect(onHelp).not.toHaveBeenCalled()
    expect(pathname()).toBe('/sources/daily-test')
  },
)

test('a key pressed on a radio button, which takes no text, is a shortcut', async () => {
  const { onHelp, user } = renderPage()
  await user.click(screen.getByRole('radio', { name: 'Dark theme' }))
  await user.keyboard('?')
  await waitFor(() => expect(onHelp).toHaveBeenCalledTimes(1))
})

test.each(['Control', 'Meta', 'Alt'])(
  'keys pressed with %s held are not shortcuts',
  async (mod) => {
    const page = renderPage()
    await loadShortcuts(page)
    const { onHelp, pathname, user } = page
    await user.keyboard(`{${mod}>}?gh{/${mod}}`)
    expect(onHelp).not.toHaveBeenCalled()
    expect(pathname()).toBe('/sources/daily-test')
    await user.keyboard('?')
    expect(onHelp).toHaveBeenCalledTimes(1)
  },
)

test('with the shortcuts setting off no key is a shortcut, and on again they are', async () => {
  const page = renderPage()
  await loadShortcuts(page)
  const { onHelp, pathname, user } = page
  act(() => readerStore().updateSettings({ shortcuts: false }))
  await user.keyboard('?gh')
  expect(onHelp).not.toHaveBeenCalled()
  expect(pathname()).toBe('/sources/daily-test')

  act(() => readerStore().updateSettings({ shortcuts: true }))
  await user.keyboard('?gh')
  await waitFor(() => expect(pathname()).toBe('/'))
  expect(onHelp).toHaveBeenCalledTimes(1)
})
