import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { readerStore } from '@/lib/reader-store/browser-store'
import { STORE_KEYS, type StoryRef } from '@/lib/reader-store/schema'
import { ReadBadge, ReadToggle, SaveButton } from './story-actions'

const story: StoryRef = {
  id: '00000000000000a1',
  slug: 'a-story',
  title: 'A story',
  source: 'Daily Test',
  date: '2024-03-01',
}
const article = { id: story.id, paragraphs: ['The text.'] }

// browser-store.ts keeps one store per page and has no reset: empty localStorage and tell the
// store, as another tab clearing it does (a `storage` event with no key), so each test starts bare.
beforeEach(() => {
  localStorage.clear()
  window.dispatchEvent(new StorageEvent('storage', { key: null }))
})

afterEach(() => {
  vi.restoreAllMocks()
})

test('Save saves the story with its article, and Saved unsaves it', async () => {
  const user = userEvent.setup()
  render(<SaveButton story={story} article={() => Promise.resolve(article)} />)
  const button = screen.getByRole('button', { name: 'Save' })
  expect(button).toHaveAttribute('aria-pressed', 'false')

  await user.click(button)
  expect(await screen.findByRole('button', { name: 'Saved' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  expect(readerStore().getSnapshot().saved).toEqual([{ ...story, savedAt: expect.any(Number) }])
  expect(readerStore().savedArticle(story.id)).toEqual(article)

  await user.click(screen.getByRole('button', { name: 'Saved' }))
  expect(await screen.findByRole('button', { name: 'Save' })).toHaveAttribute(
    'aria-pressed',
    'false',
  )
  expect(readerStore().getSnapshot().saved).toEqual([])
  expect(localStorage.getItem(STORE_KEYS.article(story.id))).toBeNull()
})

test('a story whose article does not load is not saved, and the button says why', async () => {
  const user = userEvent.setup()
  render(<SaveButton story={story} article={() => Promise.reject(new Error('offline'))} />)
  await user.click(screen.getByRole('button', { name: 'Save' }))
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Not saved: the story did not load. Try again when online.',
  )
  expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-pressed', 'false')
  expect(readerStore().getSnapshot().saved).toEqual([])
})

test('with storage blocked, Save is disabled and the storage notice says why', async () => {
  // A page whose storage is blocked from the start: a new browser-store module, whose store
  // finds localStorage throwing and is created on `null` storage.
  vi.resetModules()
  vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
    throw new DOMException('The operation is insecure.', 'SecurityError')
  })
  const [{ SaveButton: BlockedSaveButton }, { StorageNotice }, { readerStore: blockedStore }] =
    await Promise.all([
      import('./story-actions'),
      import('./storage-notice'),
      import('@/lib/reader-store/browser-store'),
    ])
  const article = vi.fn(() => Promise.resolve({ paragraphs: [] }))
  render(
    <>
      <StorageNotice />
      <BlockedSaveButton story={story} article={article} />
    </>,
  )
  expect(
    await screen.findByText(/^Saving is unavailable in this browser: its storage is blocked/),
  ).toBeVisible()
  expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled()
  expect(blockedStore().getSnapshot()).toMatchObject({ status: 'unavailable', saved: [] })
  expect(article).not.toHaveBeenCalled()
})

test('Mark read marks the story read, and Mark unread again', async () => {
  const user = userEvent.setup()
  render(<ReadToggle story={story} />)
  await user.click(screen.getByRole('button', { name: 'Mark read' }))
  expect(await screen.findByRole('button', { name: 'Mark unread' })).toBeVisible()
  expect(readerStore().getSnapshot().read).toEqual([{ ...story, readAt: expect.any(Number) }])

  await user.click(screen.getByRole('button', { name: 'Mark unread' }))
  expect(await screen.findByRole('button', { name: 'Mark read' })).toBeVisible()
  expect(readerStore().getSnapshot().read).toEqual([])
})

test('the Read badge shows beside a read story only, and follows the read state', async () => {
  const user = userEvent.setup()
  const other: StoryRef = { ...story, id: '00000000000000b2', title: 'Another story' }
  readerStore().markRead(other)
  render(
    <>
      <p data-testid="unread">
        <ReadBadge id={story.id} />
      </p>
      <p data-testid="read">
        <ReadBadge id={other.id} />
      </p>
      <ReadToggle story={story} />
    </>,
  )
  expect(screen.getByTestId('unread')).toBeEmptyDOMElement()
  expect(screen.getByTestId('read')).toHaveTextContent(/^Read$/)

  await user.click(screen.getByRole('button', { name: 'Mark read' }))
  expect(screen.getByTestId('unread')).toHaveTextContent(/^Read$/)
  await user.click(screen.getByRole('button', { name: 'Mark unread' }))
  expect(screen.getByTestId('unread')).toBeEmptyDOMElement()
  expect(screen.getByTestId('read')).toHaveTextContent(/^Read$/)
})
