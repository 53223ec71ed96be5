import { lazy, Suspense } from 'react'
import { useReaderSnapshot } from './use-reader'

// Rarely needed: a first visit with working storage does not download it.
const StorageMessages = lazy(() =>
  import('./storage-messages').then((m) => ({ default: m.StorageMessages })),
)

/**
 * What the reader should know about their stored data: that it cannot be stored (blocked or
 * full storage), and what was set aside because it could not be read. A polite live region that
 * is always in the page (empty in the prerendered HTML), so the messages are announced.
 */
export function StorageNotice() {
  const { status, notices } = useReaderSnapshot()
  return (
    <div className="storage-notice" aria-live="polite">
      {status !== 'ok' || notices.length > 0 ? (
        <Suspense fallback={null}>
          <StorageMessages status={status} notices={notices} />
        </Suspense>
      ) : null}
    </div>
  )
}
