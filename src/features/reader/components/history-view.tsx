import { useEffect, useRef, useState } from 'react'
import { ReadToggle } from '@/components/reader/story-actions'
import { useReaderSnapshot } from '@/components/reader/use-reader'
import { formatCount, formatDate } from '@/lib/format'
import { readerStore } from '@/lib/reader-store/browser-store'
import { useFocusAfterRemoval } from './saved-view'
import { KeptList } from './story-line'
import './reader-views.css'

/** The stories the reader opened, newest first, each to mark unread; and a way to clear them. */
export function HistoryView() {
  const { read } = useReaderSnapshot()
  const heading = useFocusAfterRemoval(read.length)
  return (
    <section className="reader-view" aria-labelledby="history-heading">
      <h1 id="history-heading" ref={heading} tabIndex={-1}>
        History
      </h1>
      <p className="muted">
        {read.length > 0
          ? `${formatCount(read.length, 'story', 'stories')} you opened, newest first. `
          : null}
        Kept in this browser only.
      </p>
      {read.length > 0 ? <ClearHistory count={read.length} /> : null}
      {read.length === 0 ? (
        <p className="empty">No history: the stories you open are listed here.</p>
      ) : (
        <KeptList
          stories={read}
          label="Stories you read"
          idPrefix="read"
          note={(story) => `Read ${formatDate(new Date(story.readAt).toISOString())}`}
          action={(story, headingId) => <ReadToggle story={story} describedBy={headingId} />}
        />
      )}
    </section>
  )
}

/** Clearing takes a second step, which says what it removes and offers to keep it. */
function ClearHistory({ count }: { count: number }) {
  const [confirming, setConfirming] = useState(false)
  const confirm = useRef<HTMLButtonElement>(null)
  const start = useRef<HTMLButtonElement>(null)
  const asked = useRef(false)
  useEffect(() => {
    if (confirming) confirm.current?.focus()
    else if (asked.current) start.current?.focus()
    asked.current = confirming
  }, [confirming])
  if (!confirming) {
    return (
      <p className="reader-tools">
        <button ref={start} type="button" className="button" onClick={() => setConfirming(true)}>
          Clear history
        </button>
      </p>
    )
  }
  return (
    <div className="reader-tools" role="group" aria-labelledby="clear-question">
      <p id="clear-question">
        Clear {formatCount(count, 'story', 'stories')} from your history? They will no longer show
        as read.
      </p>
      <button
        ref={confirm}
        type="button"
        className="button"
        onClick={() => readerStore().clearHistory()}
      >
        Yes, clear history
      </button>
      <button type="button" className="button" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </div>
  )
}
