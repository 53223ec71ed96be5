import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router-dom'
import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { readerStore } from '@/lib/reader-store/browser-store'
import { DEFAULT_SETTINGS, isRecord, type StoryRef } from '@/lib/reader-store/schema'
import { SavedView } from './saved-view'

const isArticle = (value: unknown) => isRecord(value) && Array.isArray(value.paragraphs)

const mine: StoryRef = {
  id: '00000000000000a1',
  slug: 'my-story',
  title: 'My story',
  source: 'Daily Test',
  date: '2024-03-01',
}
const theirs: StoryRef = {
  id: '00000000000000b2',
  slug: 'their-story',
  title: 'Their story',
  source: 'Wire',
  date: '2024-03-02',
}

/** An export file as the README documents it: one saved story (with its text), one read. */
const goodFile = {
  format: 'newsreader-export',
  version: 1,
  exportedAt: '2024-04-01T10:00:00.000Z',
  settings: { ...DEFAULT_SETTINGS, theme: 'sepia' },
  saved: [{ ...theirs, savedAt: 1711965600000 }],
  read: [{ ...theirs, readAt: 1711965500000 }],
  articles: { [theirs.id]: { paragraphs: ['Their text.'] } },
}

function renderSavedView() {
  render(
    <MemoryRouter>
      <SavedView isArticle={isArticle} />
    </MemoryRouter>,
  )
  return userEvent.setup()
}

const savedTitles = () =>
  within(screen.getByRole('list', { name: 'Saved stories' }))
    .getAllByRole('heading')
    .map((heading) => heading.textContent)

const jsonFile = (text: string) => new File([text], 'export.json', { type: 'application/json' })

const storedItems = () => Object.fromEntries(Object.entries(localStorage))

// The page's one reader store (browser-store.ts) has no reset: empty localStorage and tell the
// store, as another tab clearing it does, so each test starts from nothing stored.
beforeEach(() => {
  localStorage.clear()
  window.dispatchEvent(new StorageEvent('storage', { key: null }))
  readerStore().save(mine, { paragraphs: ['My text.'] })
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  Reflect.deleteProperty(URL, 'createObjectURL')
  Reflect.deleteProperty(URL, 'revokeObjectURL')
})

test('importing an export file merges its stories, read state and settings with ours', async () => {
  const user = renderSavedView()
  expect(savedTitles()).toEqual(['My story'])

  await user.upload(screen.getByLabelText('Import a file'), jsonFile(JSON.stringify(goodFile)))
  expect(await screen.findByRole('link', { name: 'Their story' })).toHaveAttribute(
    'href',
    '/articles/00000000000000b2/their-story',
  )
  expect(screen.getByRole('status')).toHaveTextContent(
    'Imported 1 saved story and 1 read story, merged with yours.',
  )
  expect(screen.getByRole('alert')).toBeEmptyDOMElement()
  expect(savedTitles()).toEqual(['My story', 'Their story'])
  const snapshot = readerStore().getSnapshot()
  expect(snapshot.read).toEqual(goodFile.read)
  expect(snapshot.settings).toEqual(goodFile.settings)
  expect(document.documentElement).toHaveAttribute('data-theme', 'sepia')
  expect(readerStore().savedArticle(theirs.id)).toEqual({ paragraphs: ['Their text.'] })
  expect(readerStore().savedArticle(mine.id)).toEqual({ paragraphs: ['My text.'] })
})

test.each([
  [
    'a damaged file',
    JSON.stringify(goodFile).slice(0, 120),
    'This file is damaged: it is not valid JSON. Nothing was imported.',
  ],
  [
    "another app's JSON",
    '{"name":"another app","items":[]}',
    'This is not a reader export file. Nothing was imported.',
  ],
  [
    'a file from a newer version',
    JSON.stringify({ ...goodFile, version: 2 }),
    'This file is from a newer version of the reader (format 2; this one reads format 1). Nothing was imported.',
  ],
  [
    'a file with a story but not its text',
    JSON.stringify({ ...goodFile, articles: {} }),
    'This file is damaged: the saved story “Their story” has no valid text. Nothing was imported.',
  ],
])('importing %s is refused with the reason, and nothing changes', async (_, text, message) => {
  const user = renderSavedView()
  const before = readerStore().getSnapshot()
  const stored = storedItems()

  await user.upload(screen.getByLabelText('Import a file'), jsonFile(text))
  expect(await screen.findByRole('alert')).toHaveTextContent(message)
  expect(screen.getByRole('status')).toBeEmptyDOMElement()
  expect(savedTitles()).toEqual(['My story'])
  expect(readerStore().getSnapshot()).toBe(before)
  expect(storedItems()).toEqual(stored)
  expect(document.documentElement).not.toHaveAttribute('data-theme')
})

test('export downloads one dated JSON file of the saved stories, their text, history and settings', async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2024-05-06T07:08:09.000Z'))
  readerStore().markRead(theirs)
  readerStore().updateSettings({ font: 'sans' })

  const blobs: Blob[] = []
  const createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob)
    return 'blob:http://localhost/export'
  })
  const revokeObjectURL = vi.fn()
  Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: createObjectURL })
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: revokeObjectURL })
  const downloads: { href: string; download: string }[] = []
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.push({ href: this.href, download: this.download })
  })

  const user = renderSavedView()
  await user.click(
    screen.getByRole('button', { name: 'Export saved stories, history and settings' }),
  )
  expect(downloads).toEqual([
    { href: 'blob:http://localhost/export', download: 'newsreader-export-2024-05-06.json' },
  ])
  expect(blobs).toHaveLength(1)
  expect(blobs[0]?.type).toBe('application/json')
  const { saved, read } = readerStore().getSnapshot()
  expect(JSON.parse((await blobs[0]?.text()) ?? '')).toEqual({
    format: 'newsreader-export',
    version: 1,
    exportedAt: '2024-05-06T07:08:09.000Z',
    settings: { ...DEFAULT_SETTINGS, font: 'sans' },
    saved: [{ ...mine, savedAt: saved[0]?.savedAt }],
    read: [{ ...theirs, readAt: read[0]?.readAt }],
    articles: { [mine.id]: { paragraphs: ['My text.'] } },
  })
  await waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:http://localhost/export'))
})
