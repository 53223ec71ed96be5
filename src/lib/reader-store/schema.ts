/**
 * What the reader keeps in their own browser: saved stories, read state (which is also the
 * history) and reading settings. Framework-free: the storage module (`reader-store.ts`) reads and
 * writes these shapes, the features render them.
 */

/** The schema of what is stored; a stored document of another version is migrated or set aside. */
export const STORE_VERSION = 1

/**
 * localStorage keys. The early settings script (scripts/site/startup/reader-settings.ts) reads
 * `settings` before the first paint.
 */
export const SETTINGS_KEY = 'newsreader:settings'

export const STORE_KEYS = {
  settings: SETTINGS_KEY,
  saved: 'newsreader:saved',
  read: 'newsreader:read',
  article: (id: string) => `newsreader:article:${id}`,
  setAside: (key: string, at: number) => `newsreader:set-aside:${at}:${key}`,
} as const

export const STORE_PREFIX = 'newsreader:'

export const TEXT_SIZES = [87.5, 93.75, 100, 106.25, 112.5, 125, 137.5] as const
export const FONTS = ['serif', 'sans'] as const
export const WIDTHS = ['narrow', 'normal', 'wide'] as const
export const THEMES = ['system', 'light', 'dark', 'sepia'] as const

export type Font = (typeof FONTS)[number]
export type Width = (typeof WIDTHS)[number]
export type Theme = (typeof THEMES)[number]

export type ReaderSettings = {
  /** An index into TEXT_SIZES (percent of the default size). */
  textSize: number
  font: Font
  width: Width
  theme: Theme
  shortcuts: boolean
}

export const DEFAULT_SETTINGS: ReaderSettings = {
  textSize: 2,
  font: 'serif',
  width: 'normal',
  theme: 'system',
  shortcuts: true,
}

/** A story as lists show it: enough to link to it and name it without its data file. */
export type StoryRef = {
  id: string
  slug: string
  title: string
  source: string | null
  date: string | null
}

export type SavedStory = StoryRef & { savedAt: number }
export type ReadStory = StoryRef & { readAt: number }

/** At most this many read stories are kept (the oldest go first). */
export const MAX_READ = 1000

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const isNullableString = (v: unknown) => v === null || typeof v === 'string'

export function isStoryRef(v: unknown): v is StoryRef {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    /^[0-9a-f]{16}$/.test(v.id) &&
    typeof v.slug === 'string' &&
    typeof v.title === 'string' &&
    isNullableString(v.source) &&
    isNullableString(v.date)
  )
}

export const isSavedStory = (v: unknown): v is SavedStory =>
  isRecord(v) && typeof v.savedAt === 'number' && Number.isFinite(v.savedAt) && isStoryRef(v)

export const isReadStory = (v: unknown): v is ReadStory =>
  isRecord(v) && typeof v.readAt === 'number' && Number.isFinite(v.readAt) && isStoryRef(v)

const oneOf =
  <T extends string>(choices: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (choices as readonly string[]).includes(v)

export function isSettings(v: unknown): v is ReaderSettings {
  return (
    isRecord(v) &&
    Number.isInteger(v.textSize) &&
    typeof v.textSize === 'number' &&
    v.textSize >= 0 &&
    v.textSize < TEXT_SIZES.length &&
    oneOf(FONTS)(v.font) &&
    oneOf(WIDTHS)(v.width) &&
    oneOf(THEMES)(v.theme) &&
    typeof v.shortcuts === 'boolean'
  )
}

/** A list of one kind, each item checked: a list with one bad item is bad as a whole. */
export const isListOf =
  <T>(guard: (v: unknown) => v is T) =>
  (v: unknown): v is T[] =>
    Array.isArray(v) && v.every(guard)

export const toStoryRef = ({ id, slug, title, source, date }: StoryRef): StoryRef => ({
  id,
  slug,
  title,
  source,
  date,
})
