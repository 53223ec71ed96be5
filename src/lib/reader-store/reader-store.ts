/**
 * The one module that touches the reader's storage (localStorage): saved stories with the data
 * their article view needs, read state (the history) and reading settings, each under its own
 * key in a versioned envelope (`migrate.ts`). Nothing here leaves the browser.
 *
 * What it guarantees:
 * - Damaged data, data of an unknown version or of the wrong shape is set aside (copied under a
 *   `newsreader:set-aside:` key, removed from its own) with a notice, and the defaults are used.
 * - Storage that is blocked (disabled, private mode) or full never throws: the app keeps working
 *   and `status` says that saving is unavailable or that storage is full.
 * - Two open tabs stay in step: another tab's write fires a `storage` event, which reloads.
 */
import {
  DEFAULT_SETTINGS,
  isListOf,
  isReadStory,
  isSavedStory,
  isSettings,
  MAX_READ,
  STORE_KEYS,
  STORE_PREFIX,
  toStoryRef,
  type ReaderSettings,
  type ReadStory,
  type SavedStory,
  type StoryRef,
} from './schema'
import { StoredKeys, type StoreStatus } from './stored-keys'

export type { StoreStatus }

export type ReaderSnapshot = {
  settings: ReaderSettings
  /** Newest saved first. */
  saved: readonly SavedStory[]
  /** Newest read first. */
  read: readonly ReadStory[]
  status: StoreStatus
  /** Things the reader should be told once (data set aside). */
  notices: readonly string[]
}

export type ReaderStore = {
  getSnapshot(): ReaderSnapshot
  subscribe(listener: () => void): () => void
  /** Saves a story with its article data; false when storage is blocked or full. */
  save(story: StoryRef, article: unknown): boolean
  unsave(id: string): void
  /** The article data stored with a saved story, unchecked: the caller validates it. */
  savedArticle(id: string): unknown
  markRead(story: StoryRef): void
  markUnread(id: string): void
  clearHistory(): void
  updateSettings(patch: Partial<ReaderSettings>): void
  /** Merges stories, read state and settings from an import (see export-file.ts). */
  merge(input: MergeInput): boolean
  dismissNotices(): void
}

export type MergeInput = {
  settings: ReaderSettings | null
  saved: readonly SavedStory[]
  read: readonly ReadStory[]
  articles: ReadonlyMap<string, unknown>
}

type Clock = () => number

/** Where the store listens for other tabs' writes and asks for persistence: the window. */
export type StoreTarget = {
  addEventListener?: (type: 'storage', listener: (event: StorageEvent) => void) => void
  removeEventListener?: (type: 'storage', listener: (event: StorageEvent) => void) => void
  navigator?: { storage?: { persist?: () => Promise<boolean> } }
}

/** localStorage, or null where reading it throws (disabled storage, some private modes). */
export function browserStorage(): Storage | null {
  try {
    const storage = window.localStorage
    const probe = `${STORE_PREFIX}probe`
    storage.setItem(probe, '1')
    storage.removeItem(probe)
    return storage
  } catch {
    return null
  }
}

export function createReaderStore(
  storage: Storage | null,
  {
    now = Date.now,
    target = typeof window === 'undefined' ? {} : window,
  }: { now?: Clock; target?: StoreTarget } = {},
): ReaderStore {
  const listeners = new Set<() => void>()
  const keys = new StoredKeys(storage, now)
  let snapshot = load()

  function load(): ReaderSnapshot {
    const settings = keys.read(
      STORE_KEYS.settings,
      'reading settings',
      isSettings,
      DEFAULT_SETTINGS,
    )
    const saved = keys.read(STORE_KEYS.saved, 'saved stories', isListOf(isSavedStory), [])
    const read = keys.read(STORE_KEYS.read, 'read stories', isListOf(isReadStory), [])
    return { settings, saved, read, status: keys.status, notices: keys.notices }
  }

  function publish(next: Partial<ReaderSnapshot>) {
    snapshot = { ...snapshot, ...next, status: keys.status, notices: keys.notices }
    for (const listener of listeners) listener()
  }

  /** Writes one key; a failure is published at once (the status says why) and returns false. */
  function write(key: string, data: unknown): boolean {
    const written = keys.write(key, data)
    if (!written) publish({})
    return written
  }

  const remove = (key: string) => keys.remove(key)

  const onStorage = (event: StorageEvent) => {
    if (event.key !== null && !event.key.startsWith(STORE_PREFIX)) return
    snapshot = load()
    for (const listener of listeners) listener()
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      if (listeners.size === 0) target.addEventListener?.('storage', onStorage)
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) target.removeEventListener?.('storage', onStorage)
      }
    },
    save(story, article) {
      if (!write(STORE_KEYS.article(story.id), article)) return false
      const first = snapshot.saved.length === 0
      const saved = [
        { ...toStoryRef(story), savedAt: now() },
        ...snapshot.saved.filter((s) => s.id !== story.id),
      ]
      if (!write(STORE_KEYS.saved, saved)) {
        remove(STORE_KEYS.article(story.id))
        return false
      }
      publish({ saved })
      // Ask the browser to keep the data through storage pressure (it may say no).
      if (first) void target.navigator?.storage?.persist?.().catch(() => false)
      return true
    },
    unsave(id) {
      const saved = snapshot.saved.filter((s) => s.id !== id)
      if (saved.length === snapshot.saved.length) return
      if (!write(STORE_KEYS.saved, saved)) return
      remove(STORE_KEYS.article(id))
      publish({ saved })
    },
    savedArticle(id) {
      if (!snapshot.saved.some((s) => s.id === id)) return null
      return keys.readRaw(STORE_KEYS.article(id))
    },
    markRead(story) {
      const read = [
        { ...toStoryRef(story), readAt: now() },
        ...snapshot.read.filter((s) => s.id !== story.id),
      ].slice(0, MAX_READ)
      if (write(STORE_KEYS.read, read)) publish({ read })
    },
    markUnread(id) {
      const read = snapshot.read.filter((s) => s.id !== id)
      if (read.length !== snapshot.read.length && write(STORE_KEYS.read, read)) publish({ read })
    },
    clearHistory() {
      if (snapshot.read.length > 0 && write(STORE_KEYS.read, [])) publish({ read: [] })
    },
    updateSettings(patch) {
      const settings = { ...snapshot.settings, ...patch }
      if (!isSettings(settings)) return
      // Settings apply even when they cannot be stored: for this visit at least.
      write(STORE_KEYS.settings, settings)
      publish({ settings })
    },
    merge(input) {
      for (const story of input.saved) {
        if (snapshot.saved.some((s) => s.id === story.id)) continue
        const article = input.articles.get(story.id)
        if (article === undefined) continue
        if (!write(STORE_KEYS.article(story.id), article)) return false
      }
      const saved = mergeStories(
        snapshot.saved,
        input.saved.filter(
          (s) => input.articles.has(s.id) || snapshot.saved.some((o) => o.id === s.id),
        ),
        (s) => s.savedAt,
      )
      const read = mergeStories(snapshot.read, input.read, (s) => s.readAt).slice(0, MAX_READ)
      const settings = input.settings ?? snapshot.settings
      if (!write(STORE_KEYS.saved, saved) || !write(STORE_KEYS.read, read)) return false
      if (input.settings) write(STORE_KEYS.settings, settings)
      publish({ saved, read, settings })
      return true
    },
    dismissNotices() {
      keys.notices = []
      publish({})
    },
  }
}

/** The union of two lists by id, the later time winning, newest first. */
function mergeStories<T extends StoryRef>(
  ours: readonly T[],
  theirs: readonly T[],
  time: (story: T) => number,
): T[] {
  const byId = new Map<string, T>()
  for (const story of [...ours, ...theirs]) {
    const kept = byId.get(story.id)
    if (!kept || time(story) > time(kept)) byId.set(story.id, story)
  }
  return [...byId.values()].sort((a, b) => time(b) - time(a) || a.id.localeCompare(b.id))
}
