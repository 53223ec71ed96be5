import { expect, test, vi } from 'vitest'
import { unwrap, wrap } from './migrate'
import { createReaderStore, type StoreTarget } from './reader-store'
import { DEFAULT_SETTINGS, MAX_READ, STORE_KEYS, type StoryRef } from './schema'

/** An in-memory Storage; `failWith` makes every write throw that error. */
function memoryStorage(failWith?: () => Error) {
  const items = new Map<string, string>()
  const storage: Storage = {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => {
      if (failWith) throw failWith()
      items.set(key, value)
    },
  }
  return { storage, items }
}

const story = (n: number): StoryRef => ({
  id: n.toString(16).padStart(16, '0'),
  slug: `story-${n}`,
  title: `Story ${n}`,
  source: 'Wire',
  date: '2024-01-0' + ((n % 9) + 1),
})

function clock() {
  let t = 1000
  return () => ++t
}

test('an empty storage gives the defaults, and a save keeps the story and its article', () => {
  const { storage, items } = memoryStorage()
  const persist = vi.fn(() => Promise.resolve(true))
  const store = createReaderStore(storage, {
    now: clock(),
    target: { navigator: { storage: { persist } } },
  })
  expect(store.getSnapshot()).toMatchObject({
    settings: DEFAULT_SETTINGS,
    saved: [],
    read: [],
    status: 'ok',
  })

  expect(store.save(story(1), { paragraphs: ['One.'] })).toBe(true)
  expect(store.save(story(2), { paragraphs: ['Two.'] })).toBe(true)
  expect(store.getSnapshot().saved.map((s) => s.id)).toEqual([story(2).id, story(1).id])
  expect(store.savedArticle(story(1).id)).toEqual({ paragraphs: ['One.'] })
  expect(persist).toHaveBeenCalledTimes(1)
  expect(items.has(STORE_KEYS.article(story(1).id))).toBe(true)

  store.unsave(story(1).id)
  expect(store.getSnapshot().saved.map((s) => s.id)).toEqual([story(2).id])
  expect(items.has(STORE_KEYS.article(story(1).id))).toBe(false)
  expect(store.savedArticle(story(1).id)).toBeNull()
})

test('what one store wrote, a new store on the same storage reads back', () => {
  const { storage } = memoryStorage()
  const first = createReaderStore(storage, { now: clock() })
  first.save(story(3), { paragraphs: [] })
  first.markRead(story(4))
  first.updateSettings({ theme: 'sepia', textSize: 5 })
  const second = createReaderStore(storage).getSnapshot()
  expect(second.saved.map((s) => s.id)).toEqual([story(3).id])
  expect(second.read.map((s) => s.id)).toEqual([story(4).id])
  expect(second.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', textSize: 5 })
  expect(second.notices).toEqual([])
})

test.each([
  ['damaged JSON', '{"v":1,"data":[', 'it is not valid JSON'],
  ['a newer version', wrap([], 7), 'it is from a newer version (7)'],
  ['not an envelope', '[1,2,3]', 'it is not in the format this app writes'],
  ['the wrong shape', wrap([{ id: 'not-an-id' }]), 'it is not of the expected shape'],
])('saved stories stored as %s are set aside with a notice', (_, raw, reason) => {
  const { storage, items } = memoryStorage()
  items.set(STORE_KEYS.saved, raw)
  const store = createReaderStore(storage, { now: () => 42 })
  const snapshot = store.getSnapshot()
  expect(snapshot.saved).toEqual([])
  expect(snapshot.notices).toEqual([
    `Your stored saved stories could not be read (${reason}), so they were set aside and the app started without them.`,
  ])
  expect(items.get(STORE_KEYS.setAside(STORE_KEYS.saved, 42))).toBe(raw)
  expect(items.has(STORE_KEYS.saved)).toBe(false)
  // The store works on: a save after it is kept.
  expect(store.save(story(5), {})).toBe(true)
  store.dismissNotices()
  expect(store.getSnapshot().notices).toEqual([])
})

test('settings of a wrong value are set aside and the defaults used', () => {
  const { storage, items } = memoryStorage()
  items.set(STORE_KEYS.settings, wrap({ ...DEFAULT_SETTINGS, theme: 'neon' }))
  const snapshot = createReaderStore(storage).getSnapshot()
  expect(snapshot.settings).toEqual(DEFAULT_SETTINGS)
  expect(snapshot.notices).toHaveLength(1)
})

test('migrations run step by step to the current version', () => {
  const migrations = {
    1: (data: unknown) => ({ list: data }),
    2: (data: unknown) => ({ ...(data as object), upgraded: true }),
  }
  expect(unwrap(wrap(['a'], 1), 3, migrations)).toEqual({
    ok: true,
    data: { list: ['a'], upgraded: true },
    migrated: true,
  })
  expect(unwrap(wrap(['a'], 3), 3, migrations)).toEqual({ ok: true, data: ['a'], migrated: false })
  expect(unwrap(wrap(['a'], 1), 3, { 1: migrations[1] })).toEqual({
    ok: false,
    reason: 'no migration from version 2',
  })
  const failing = {
    1: () => {
      throw new Error('bad')
    },
  }
  expect(unwrap(wrap(['a'], 1), 2, failing)).toEqual({
    ok: false,
    reason: 'its migration from version 1 failed',
  })
  expect(unwrap(wrap(['a'], 0), 2, migrations)).toEqual({
    ok: false,
    reason: 'its version (0) is unknown',
  })
})

test('full storage: the save is refused, said so, and nothing half-written stays', () => {
  const quota = () => new DOMException('full', 'QuotaExceededError')
  const { storage, items } = memoryStorage(quota)
  const store = createReaderStore(storage)
  expect(store.save(story(1), { paragraphs: ['x'] })).toBe(false)
  expect(store.getSnapshot()).toMatchObject({ status: 'full', saved: [] })
  expect(items.size).toBe(0)
})

test('blocked storage: the app keeps working, settings apply for the visit, saving is unavailable', () => {
  const store = createReaderStore(null)
  expect(store.getSnapshot().status).toBe('unavailable')
  expect(store.save(story(1), {})).toBe(false)
  store.markRead(story(1))
  store.updateSettings({ font: 'sans' })
  expect(store.getSnapshot()).toMatchObject({ status: 'unavailable', saved: [], read: [] })
  expect(store.getSnapshot().settings.font).toBe('sans')
})

test('storage that throws on every write reports unavailable, not a crash', () => {
  const { storage } = memoryStorage(() => new DOMException('no', 'SecurityError'))
  const store = createReaderStore(storage)
  expect(store.save(story(1), {})).toBe(false)
  expect(store.getSnapshot().status).toBe('unavailable')
})

test('two tabs: a write in one reaches the other through the storage event', () => {
  const { storage } = memoryStorage()
  const handlers: ((event: StorageEvent) => void)[] = []
  const target: StoreTarget = {
    addEventListener: (_, handler) => handlers.push(handler),
    removeEventListener: () => {},
  }
  const tabA = createReaderStore(storage)
  const tabB = createReaderStore(storage, { target })
  const seen = vi.fn()
  tabB.subscribe(seen)
  tabA.save(story(9), {})
  expect(tabB.getSnapshot().saved).toEqual([])
  for (const handler of handlers) handler(new StorageEvent('storage', { key: STORE_KEYS.saved }))
  expect(tabB.getSnapshot().saved.map((s) => s.id)).toEqual([story(9).id])
  expect(seen).toHaveBeenCalledTimes(1)
  // Another app's key on the same origin is not ours.
  for (const handler of handlers) handler(new StorageEvent('storage', { key: 'other' }))
  expect(seen).toHaveBeenCalledTimes(1)
})

test('read state: newest first, unread again, cleared, and bounded', () => {
  const { storage } = memoryStorage()
  const store = createReaderStore(storage, { now: clock() })
  store.markRead(story(1))
  store.markRead(story(2))
  store.markRead(story(1))
  expect(store.getSnapshot().read.map((s) => s.title)).toEqual(['Story 1', 'Story 2'])
  store.markUnread(story(1).id)
  expect(store.getSnapshot().read.map((s) => s.title)).toEqual(['Story 2'])
  store.clearHistory()
  expect(store.getSnapshot().read).toEqual([])
  for (let n = 1; n <= MAX_READ + 5; n++) store.markRead(story(n))
  expect(store.getSnapshot().read).toHaveLength(MAX_READ)
  expect(store.getSnapshot().read[0]?.title).toBe(`Story ${MAX_READ + 5}`)
})

test('the snapshot is the same object until something changes', () => {
  const store = createReaderStore(memoryStorage().storage)
  const before = store.getSnapshot()
  expect(store.getSnapshot()).toBe(before)
  store.markRead(story(1))
  expect(store.getSnapshot()).not.toBe(before)
})
