/**
 * What a reader does with a story, wherever it shows (a list's card, a search result, the article
 * view, the Saved and History views): save it, mark it read or unread, and see that it was read.
 * Each button carries `data-action`, which the keyboard shortcuts click (src/lib/story-scope.ts).
 */
import { useState } from 'react'
import { readerStore } from '@/lib/reader-store/browser-store'
import type { StoryRef } from '@/lib/reader-store/schema'
import { ACTION } from '@/lib/story-scope'
import { useInApp, useIsRead, useSaved, useStoreStatus } from './use-reader'

export type SaveButtonProps = {
  story: StoryRef
  /** The data the article view needs, stored with the story so it opens offline. */
  article: () => unknown
  /** In a list: the id of the story's title, which describes the button (which story it saves). */
  describedBy?: string
}

/**
 * Saves or unsaves a story: one toggle button (`aria-pressed`), named "Save" or "Saved". Saving
 * waits for the article's data (a list item fetches it first). Where storage is blocked or full,
 * saving is disabled; StorageNotice says why. Unsaving always works.
 */
export function SaveButton({ story, article, describedBy }: SaveButtonProps) {
  const saved = useSaved(story.id)
  const status = useStoreStatus()
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const unavailable = !saved && status !== 'ok'
  const inApp = useInApp()

  async function toggle() {
    const store = readerStore()
    if (saved) {
      store.unsave(story.id)
      return
    }
    setBusy(true)
    setFailed(false)
    try {
      store.save(story, await article())
    } catch {
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }

  if (!inApp) return null
  return (
    <>
      <button
        type="button"
        className="button button-small"
        aria-pressed={saved}
        aria-describedby={describedBy}
        aria-busy={busy || undefined}
        disabled={unavailable || busy}
        onClick={() => void toggle()}
        {...{ [ACTION]: 'save' }}
      >
        {saved ? 'Saved' : 'Save'}
      </button>
      {failed ? (
        <span className="action-error" role="alert">
          Not saved: the story did not load. Try again when online.
        </span>
      ) : null}
    </>
  )
}

export type ReadToggleProps = {
  story: StoryRef
  /** In a list: the id of the story's title, which describes the button (which story it marks). */
  describedBy?: string
}

/** Marks a story read or unread again: "Mark unread" on a read story, "Mark read" on the others. */
export function ReadToggle({ story, describedBy }: ReadToggleProps) {
  const read = useIsRead(story.id)
  if (!useInApp()) return null
  return (
    <button
      type="button"
      className="button button-small"
      aria-describedby={describedBy}
      onClick={() => {
        if (read) readerStore().markUnread(story.id)
        else readerStore().markRead(story)
      }}
      {...{ [ACTION]: 'read' }}
    >
      {read ? 'Mark unread' : 'Mark read'}
    </button>
  )
}

export type ReadBadgeProps = { id: string }

/**
 * "Read", in words, beside a story the reader has opened: the dimmed title (`.story-read`) is
 * not the only sign. Nothing for a story not read, and nothing in the prerendered HTML.
 */
export function ReadBadge({ id }: ReadBadgeProps) {
  return useIsRead(id) ? <span className="read-badge">Read</span> : null
}
