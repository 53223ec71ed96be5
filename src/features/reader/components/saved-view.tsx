import { useEffect, useRef } from 'react'
import { SaveButton } from '@/components/reader/story-actions'
import { useReaderSnapshot } from '@/components/reader/use-reader'
import { formatCount, formatDate } from '@/lib/format'
import { readerStore } from '@/lib/reader-store/browser-store'
import { ExportImport, type ExportImportProps } from './export-import'
import { KeptList } from './story-line'
import './reader-views.css'

export type SavedViewProps = ExportImportProps

/** The saved stories, newest saved first: each opens offline, and each can be unsaved. */
export function SavedView({ isArticle }: SavedViewProps) {
  const { saved } = useReaderSnapshot()
  const heading = useFocusAfterRemoval(saved.length)
  return (
    <section className="reader-view" aria-labelledby="saved-heading">
      <h1 id="saved-heading" ref={heading} tabIndex={-1}>
        Saved stories
      </h1>
      <p className="muted">
        {saved.length > 0
          ? `${formatCount(saved.length, 'story', 'stories')}, newest saved first. `
          : null}
        Saved stories open without a connection. They are kept in this browser only: export them to
        keep a backup or to move them to another browser.
      </p>
      <ExportImport isArticle={isArticle} />
      {saved.length === 0 ? (
        <p className="empty">Nothing saved yet: press Save on a story to keep it here.</p>
      ) : (
        <KeptList
          stories={saved}
          label="Saved stories"
          idPrefix="saved"
          note={(story) => `Saved ${formatDate(new Date(story.savedAt).toISOString())}`}
          action={(story, headingId) => (
            <SaveButton
              story={story}
              article={() => readerStore().savedArticle(story.id)}
              describedBy={headingId}
            />
          )}
        />
      )}
    </section>
  )
}

/**
 * A story removed with its own button takes the focus with it: the focus goes to the heading,
 * not to the top of the page.
 */
export function useFocusAfterRemoval(count: number) {
  const heading = useRef<HTMLHeadingElement>(null)
  const before = useRef(count)
  useEffect(() => {
    const removed = count < before.current
    before.current = count
    if (removed && (document.activeElement === document.body || !document.activeElement)) {
      heading.current?.focus()
    }
  }, [count])
  return heading
}
