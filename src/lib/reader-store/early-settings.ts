/**
 * The early settings script: built on its own into a small classic script that every page loads
 * from its head, before the stylesheet (scripts/site/startup/), so the reader's theme, text size,
 * font and width apply on the first paint, prerendered pages included. It reads storage and
 * nothing else; bad or missing data leaves the defaults (the app's store sets it aside later).
 */
import { applySettings } from './apply-settings'
import { isSettings, SETTINGS_KEY, STORE_VERSION } from './schema'

/**
 * Reads the settings document of the current version only, without the store's decoder and its
 * messages: the script is a request of its own before every first paint, and every byte of it
 * counts. A document of an older version waits for the app, which migrates it and applies it.
 */
export function applyStoredSettings(root: HTMLElement, storage: () => Storage): void {
  try {
    const raw = storage().getItem(SETTINGS_KEY)
    if (raw === null) return
    const doc: unknown = JSON.parse(raw)
    if (typeof doc !== 'object' || doc === null || !('v' in doc) || !('data' in doc)) return
    if (doc.v === STORE_VERSION && isSettings(doc.data)) applySettings(root, doc.data)
  } catch {
    // Storage blocked or the document damaged: the defaults stand (the app's store sets it aside).
  }
}
