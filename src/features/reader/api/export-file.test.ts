import { expect, test } from 'vitest'
import { buildExport, EXPORT_FORMAT, parseExport } from './export-file'
import { createReaderStore } from '@/lib/reader-store/reader-store'
import { DEFAULT_SETTINGS, type StoryRef } from '@/lib/reader-store/schema'

function memoryStorage() {
  const items = new Map<string, string>()
  const storage: Storage = {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
  return storage
}

const story = (n: number): StoryRef => ({
  id: n.toString(16).padStart(16, '0'),
  slug: `story-${n}`,
  title: `Story ${n}`,
  source: null,
  date: null,
})
const isArticle = (v: unknown) => typeof v === 'object' && v !== null && 'paragraphs' in v

test('an export imports into another browser whole, merged with what is there', () => {
  const from = createReaderStore(memoryStorage())
  from.save(story(1), { paragraphs: ['One.'] })
  from.markRead(story(2))
  from.updateSettings({ theme: 'dark' })
  const text = buildExport(from.getSnapshot(), (id) => from.savedArticle(id), new Date(0))
  expect(JSON.parse(text)).toMatchObject({ format: EXPORT_FORMAT, version: 1 })

  const to = createReaderStore(memoryStorage())
  to.save(story(3), { paragraphs: ['Three.'] })
  const parsed = parseExport(text, isArticle)
  if (!parsed.ok) throw new Error(parsed.message)
  expect(to.merge(parsed.input)).toBe(true)
  const snapshot = to.getSnapshot()
  expect(snapshot.saved.map((s) => s.title).sort()).toEqual(['Story 1', 'Story 3'])
  expect(snapshot.read.map((s) => s.title)).toEqual(['Story 2'])
  expect(snapshot.settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' })
  expect(to.savedArticle(story(1).id)).toEqual({ paragraphs: ['One.'] })
})

test.each([
  [
    'a file that is not JSON at all',
    'hello',
    'This is not a reader export file. Nothing was imported.',
  ],
  [
    'JSON of another app',
    '{"name":"x"}',
    'This is not a reader export file. Nothing was imported.',
  ],
  [
    'cut-off JSON',
    `{"format":"${EXPORT_FORMAT}","version":1,"saved":[`,
    'This file is damaged: it is not valid JSON. Nothing was imported.',
  ],
  [
    'a newer format',
    JSON.stringify({ format: EXPORT_FORMAT, version: 2 }),
    'This file is from a newer version of the reader (format 2; this one reads format 1). Nothing was imported.',
  ],
  [
    'a saved story without its text',
    JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      saved: [{ ...story(1), savedAt: 1 }],
      read: [],
      articles: {},
    }),
    'This file is damaged: the saved story “Story 1” has no valid text. Nothing was imported.',
  ],
  [
    'read state of the wrong shape',
    JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      saved: [],
      read: [{ id: 1 }],
      articles: {},
    }),
    'This file is damaged: its read stories are not valid. Nothing was imported.',
  ],
])('%s is refused with the reason, and nothing stored changes', (_, text, message) => {
  const store = createReaderStore(memoryStorage())
  store.save(story(7), { paragraphs: [] })
  const before = store.getSnapshot()
  expect(parseExport(text, isArticle)).toEqual({ ok: false, message })
  expect(store.getSnapshot()).toBe(before)
})

test('a saved story whose stored text cannot be read stays out of the export, which imports back', () => {
  const storage = new Map<string, string>()
  const store = createReaderStore({
    get length() {
      return storage.size
    },
    clear: () => storage.clear(),
    getItem: (key) => storage.get(key) ?? null,
    key: (i) => [...storage.keys()][i] ?? null,
    removeItem: (key) => void storage.delete(key),
    setItem: (key, value) => void storage.set(key, value),
  })
  const good = { id: '00000000000000a1', slug: 'a', title: 'A', source: null, date: null }
  const lost = { id: '00000000000000a2', slug: 'b', title: 'B', source: null, date: null }
  store.save(good, { paragraphs: ['A.'] })
  store.save(lost, { paragraphs: ['B.'] })
  storage.set(`newsreader:article:${lost.id}`, '{"v":1,')
  const text = buildExport(store.getSnapshot(), (id) => store.savedArticle(id), new Date(0))
  const parsed = parseExport(text, (v) => typeof v === 'object' && v !== null && 'paragraphs' in v)
  expect(parsed).toMatchObject({ ok: true })
  expect(JSON.parse(text).saved.map((s: { id: string }) => s.id)).toEqual([good.id])
})
