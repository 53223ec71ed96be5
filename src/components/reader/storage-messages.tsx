import { readerStore } from '@/lib/reader-store/browser-store'
import type { ReaderSnapshot } from '@/lib/reader-store/reader-store'

const STATUS_MESSAGES = {
  unavailable:
    'Saving is unavailable in this browser: its storage is blocked (private browsing, or site data turned off). Everything else works; settings last for this visit.',
  full: 'Storage is full: nothing more can be saved. Remove saved stories, or export them, to make room.',
} as const

export type StorageMessagesProps = Pick<ReaderSnapshot, 'status' | 'notices'>

/** StorageNotice's messages: loaded only when there is one to show. */
export function StorageMessages({ status, notices }: StorageMessagesProps) {
  return (
    <>
      {status !== 'ok' ? <p className="container">{STATUS_MESSAGES[status]}</p> : null}
      {notices.length > 0 ? (
        <div className="container">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
          <button type="button" className="button" onClick={() => readerStore().dismissNotices()}>
            Dismiss
          </button>
        </div>
      ) : null}
    </>
  )
}
