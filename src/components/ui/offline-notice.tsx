import { useSyncExternalStore } from 'react'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

/**
 * Says so while the browser has no network. The polite live region is always in the page, so
 * that screen readers announce the notice when it appears; it is empty while online (and in the
 * prerendered HTML, which cannot know). No role="status": the views have their own status
 * messages (search counts, "Link copied"), and this one is not theirs.
 */
export function OfflineNotice() {
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  )
  return (
    <div className="offline-notice" aria-live="polite">
      {online ? null : (
        <p className="container">
          You are offline. Pages and articles you have already opened still work; others need a
          connection.
        </p>
      )}
    </div>
  )
}
