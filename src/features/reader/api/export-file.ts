/**
 * The export file: saved stories (with their article data), read state and settings as one JSON
 * document, for a backup or another browser. Its format is documented in the README:
 *
 *   { "format": "newsreader-export", "version": 1, "exportedAt": "<ISO date-time>",
 *     "settings": {...}, "saved": [{ id, slug, title, source, date, savedAt }],
 *     "read": [{ id, slug, title, source, date, readAt }], "articles": { "<id>": {...} } }
 *
 * An import is checked whole before anything is merged: a file that is not ours, from a newer
 * version or damaged is refused with the reason, and what is stored stays as it was.
 *
 * Framework-free, yet here and not in src/lib/: every module of src/lib/ goes into the chunk that
 * every page loads at start (scripts/site/startup/entries.ts), and only the Saved view needs this.
 */
import type { MergeInput, ReaderSnapshot } from '@/lib/reader-store/reader-store'
import {
  isListOf,
  isReadStory,
  isRecord,
  isSavedStory,
  isSettings,
} from '@/lib/reader-store/schema'

export const EXPORT_FORMAT = 'newsreader-export'
export const EXPORT_VERSION = 1

export function buildExport(
  snapshot: ReaderSnapshot,
  articleOf: (id: string) => unknown,
  now: Date = new Date(),
): string {
  // A saved story goes out with its text, or not at all: a story whose stored text cannot be read
  // would make the import refuse the whole file (it checks every story's text).
  const articles: Record<string, unknown> = {}
  for (const story of snapshot.saved) {
    const article = articleOf(story.id)
    if (article !== null && article !== undefined) articles[story.id] = article
  }
  const file = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    settings: snapshot.settings,
    saved: snapshot.saved.filter((story) => story.id in articles),
    read: snapshot.read,
    articles,
  }
  return `${JSON.stringify(file, null, 2)}\n`
}

export type ParsedImport = { ok: true; input: MergeInput } | { ok: false; message: string }

const damaged = (what: string): ParsedImport => ({
  ok: false,
  message: `This file is damaged: ${what}. Nothing was imported.`,
})

/** Reads an export file; `isArticle` checks each saved story's article data. */
export function parseExport(text: string, isArticle: (v: unknown) => boolean): ParsedImport {
  let file: unknown
  try {
    file = JSON.parse(text)
  } catch {
    return isLikelyJson(text) ? damaged('it is not valid JSON') : notOurs()
  }
  if (!isRecord(file) || file.format !== EXPORT_FORMAT) return notOurs()
  if (typeof file.version !== 'number' || !Number.isInteger(file.version) || file.version < 1) {
    return damaged('its version is missing or not a number')
  }
  if (file.version > EXPORT_VERSION) {
    return {
      ok: false,
      message: `This file is from a newer version of the reader (format ${file.version}; this one reads format ${EXPORT_VERSION}). Nothing was imported.`,
    }
  }
  if (file.settings !== undefined && file.settings !== null && !isSettings(file.settings)) {
    return damaged('its settings are not valid')
  }
  if (!isListOf(isSavedStory)(file.saved)) return damaged('its saved stories are not valid')
  if (!isListOf(isReadStory)(file.read)) return damaged('its read stories are not valid')
  if (!isRecord(file.articles)) return damaged('its articles are missing')
  const articles = new Map<string, unknown>()
  for (const story of file.saved) {
    const article = file.articles[story.id]
    if (!isArticle(article)) return damaged(`the saved story “${story.title}” has no valid text`)
    articles.set(story.id, article)
  }
  return {
    ok: true,
    input: {
      settings: isSettings(file.settings) ? file.settings : null,
      saved: file.saved,
      read: file.read,
      articles,
    },
  }
}

function notOurs(): ParsedImport {
  return { ok: false, message: 'This is not a reader export file. Nothing was imported.' }
}

const isLikelyJson = (text: string) => /^\s*[[{]/.test(text)
