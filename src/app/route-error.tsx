import { useSyncExternalStore } from 'react'
import { isRouteErrorResponse, useParams, useRevalidator, useRouteError } from 'react-router-dom'
import { LoadError } from '@/components/errors/load-error'
import { NotFound } from '@/components/errors/not-found'
import { isChunkLoadError, SiteUpdatedError } from '@/lib/deployment'
import { DataError, FetchTimeoutError, HttpError, NetworkError } from '@/lib/fetch-json'

const reload = () => window.location.reload()

function subscribeToNetwork(onChange: () => void): () => void {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

/**
 * Whether the browser reports a network, kept current: a request can fail before the browser
 * reports the network gone (its `offline` event comes on another path, later under load), and the
 * view must then turn into "You are offline" rather than keep "could not be loaded".
 */
function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeToNetwork,
    () => navigator.onLine,
    () => true,
  )
}

export function RouteErrorBoundary() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  const { id } = useParams()
  const online = useOnline()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />
  if (error instanceof SiteUpdatedError) {
    return (
      <LoadError
        title="This site has been updated"
        detail="A new version was published since this page was opened. Reload to continue with it."
        action="Reload"
        onAction={reload}
      />
    )
  }
  if (isChunkLoadError(error)) {
    // The browser keeps a failed module import: only a reload tries it again.
    return (
      <LoadError
        title="This page could not be loaded"
        detail="Part of the app could not be downloaded. Check your connection, then reload."
        action="Reload"
        onAction={reload}
      />
    )
  }
  if (error instanceof NetworkError && !online) {
    // No network, and the service worker has not saved the file (src/service-worker/).
    const what = id === undefined ? 'page' : 'article'
    return (
      <LoadError
        title="You are offline"
        detail={`This ${what} has not been saved for offline reading. Connect to the internet to ${id === undefined ? 'open' : 'read'} it.`}
        action={revalidator.state === 'loading' ? 'Retrying…' : 'Retry'}
        onAction={() => void revalidator.revalidate()}
      />
    )
  }
  const detail =
    error instanceof HttpError
      ? `The server answered ${error.status} for data this page needs.`
      : error instanceof FetchTimeoutError
        ? 'The server did not answer in time with the data this page needs.'
        : error instanceof DataError
          ? 'The data for this page arrived damaged.'
          : 'The data for this page could not be loaded. Check your connection.'
  return (
    <LoadError
      title="This page could not be loaded"
      detail={detail}
      action={revalidator.state === 'loading' ? 'Retrying…' : 'Retry'}
      onAction={() => void revalidator.revalidate()}
    />
  )
}
