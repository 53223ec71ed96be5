import { useState, type ChangeEvent } from 'react'
import { readerStore } from '@/lib/reader-store/browser-store'
import { buildExport, parseExport } from '../api/export-file'
import { formatCount } from '@/lib/format'

export type ExportImportProps = {
  /** Checks a saved story's article data in an imported file (the articles feature's guard). */
  isArticle: (value: unknown) => boolean
}

type Outcome = { ok: boolean; message: string } | null

/**
 * Export: the saved stories (with their text), read state and settings as one JSON file, the
 * reader's backup. Import: such a file, merged with what is stored; a file that is not one, from
 * a newer version or damaged is refused with the reason, and nothing stored changes.
 */
export function ExportImport({ isArticle }: ExportImportProps) {
  const [outcome, setOutcome] = useState<Outcome>(null)

  function exportFile() {
    const store = readerStore()
    const now = new Date()
    // Only text the import will take back: a story whose stored text no longer checks stays out.
    const readable = (id: string) => {
      const article = store.savedArticle(id)
      return isArticle(article) ? article : null
    }
    const text = buildExport(store.getSnapshot(), readable, now)
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = `newsreader-export-${now.toISOString().slice(0, 10)}.json`
    link.click()
    // After the click has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    let text: string
    try {
      text = await file.text()
    } catch {
      setOutcome({ ok: false, message: 'This file could not be read. Nothing was imported.' })
      return
    } finally {
      // The same file can be chosen again.
      input.value = ''
    }
    const parsed = parseExport(text, isArticle)
    if (!parsed.ok) {
      setOutcome({ ok: false, message: parsed.message })
      return
    }
    if (!readerStore().merge(parsed.input)) {
      setOutcome({
        ok: false,
        message:
          'Storage is full or unavailable: the file could not be imported. What was stored before is still there.',
      })
      return
    }
    const { saved, read } = parsed.input
    setOutcome({
      ok: true,
      message: `Imported ${formatCount(saved.length, 'saved story', 'saved stories')} and ${formatCount(read.length, 'read story', 'read stories')}, merged with yours.`,
    })
  }

  return (
    <div className="reader-tools">
      <button type="button" className="button" onClick={exportFile}>
        Export saved stories, history and settings
      </button>
      <label>
        Import a file{' '}
        <input type="file" accept=".json,application/json" onChange={(e) => void importFile(e)} />
      </label>
      <p role="status">{outcome?.ok ? outcome.message : null}</p>
      <p role="alert">{outcome && !outcome.ok ? outcome.message : null}</p>
    </div>
  )
}
