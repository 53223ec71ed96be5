/**
 * The page's one reader store, on the browser's localStorage, made the first time something asks
 * for it: never during the prerender (the server renders the defaults; `SERVER_SNAPSHOT`), and
 * after hydration in the browser, so the first render matches the prerendered HTML. Its settings
 * reach <html> here, outside React: on creation, on every change the reader makes and on a change
 * another tab makes, never through a render (which would first paint the defaults).
 */
import { applySettings } from './apply-settings'
import {
  browserStorage,
  createReaderStore,
  type ReaderSnapshot,
  type ReaderStore,
} from './reader-store'
import { DEFAULT_SETTINGS } from './schema'

let store: ReaderStore | undefined

export function readerStore(): ReaderStore {
  if (store) return store
  const created = createReaderStore(browserStorage())
  const root = document.documentElement
  let applied = created.getSnapshot().settings
  applySettings(root, applied)
  created.subscribe(() => {
    const { settings } = created.getSnapshot()
    if (settings === applied) return
    applied = settings
    applySettings(root, settings)
  })
  store = created
  return created
}

/** What the server renders, and hydration starts from: nothing stored, saving possible. */
export const SERVER_SNAPSHOT: ReaderSnapshot = {
  settings: DEFAULT_SETTINGS,
  saved: [],
  read: [],
  status: 'ok',
  notices: [],
}
