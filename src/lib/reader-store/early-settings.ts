/**
 * The early settings script: built on its own into a small classic script that every page loads
 * from its head, before the stylesheet (scripts/site/startup/), so the reader's theme, text size,
 * font and width apply on the first paint, prerendered pages included. It reads storage and
 * nothing else; bad or missing data leaves the defaults (the app's store sets it aside later).
 */
import { applySettings } from './apply-settings'
import { unwrap } from './migrate'
import { isSettings, STORE_KEYS } from './schema'

export function applyStoredSettings(root: HTMLElement, storage: () => Storage): void {
  try {
    const raw = storage().getItem(STORE_KEYS.settings)
    if (raw === null) return
    const doc = unwrap(raw)
    if (doc.ok && isSettings(doc.data)) applySettings(root, doc.data)
  } catch {
    // Storage blocked: the defaults stand.
  }
}
