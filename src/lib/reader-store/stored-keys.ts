/**
 * The reader store's keys in storage, read and written safely: a read that fails its envelope or
 * its guard sets the raw value aside (under a `newsreader:set-aside:` key) with a notice and
 * gives the fallback; a write that fails records why in `status` instead of throwing.
 */
import { unwrap, wrap } from './migrate'
import { STORE_KEYS } from './schema'

export type StoreStatus = 'ok' | 'unavailable' | 'full'

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  )
}

export class StoredKeys {
  status: StoreStatus
  /** Things the reader should be told once (data set aside). */
  notices: string[] = []

  constructor(
    private readonly storage: Storage | null,
    private readonly now: () => number,
  ) {
    this.status = storage === null ? 'unavailable' : 'ok'
  }

  read<T>(key: string, what: string, guard: (v: unknown) => v is T, fallback: T): T {
    if (!this.storage) return fallback
    let raw: string | null
    try {
      raw = this.storage.getItem(key)
    } catch {
      this.status = 'unavailable'
      return fallback
    }
    if (raw === null) return fallback
    const doc = unwrap(raw)
    if (!doc.ok) return this.setAside(key, raw, what, doc.reason, fallback)
    if (!guard(doc.data))
      return this.setAside(key, raw, what, 'it is not of the expected shape', fallback)
    return doc.data
  }

  /** The data under a key without a guard (a saved story's article), or null. */
  readRaw(key: string): unknown {
    try {
      const raw = this.storage?.getItem(key) ?? null
      if (raw === null) return null
      const doc = unwrap(raw)
      return doc.ok ? doc.data : null
    } catch {
      return null
    }
  }

  write(key: string, data: unknown): boolean {
    if (!this.storage) return false
    try {
      this.storage.setItem(key, wrap(data))
      this.status = 'ok'
      return true
    } catch (error) {
      this.status = isQuotaError(error) ? 'full' : 'unavailable'
      return false
    }
  }

  remove(key: string): void {
    try {
      this.storage?.removeItem(key)
    } catch {
      // Blocked: the key cannot be there either.
    }
  }

  private setAside<T>(key: string, raw: string, what: string, reason: string, fallback: T): T {
    this.notices = [
      ...this.notices,
      `Your stored ${what} could not be read (${reason}), so they were set aside and the app started without them.`,
    ]
    try {
      this.storage?.setItem(STORE_KEYS.setAside(key, this.now()), raw)
    } catch {
      // No room to keep the copy: the notice still says what happened.
    }
    this.remove(key)
    return fallback
  }
}
