import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router-dom'
import { LoadError } from '@/components/errors/load-error'
import { NotFound } from '@/components/errors/not-found'
import { DataError, HttpError } from '@/lib/fetch-json'

/** A script chunk of the build that is gone: the site was redeployed since this tab opened. */
function isStaleBuild(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|module script failed|Unable to preload CSS/i.test(error.message)
  )
}

export function RouteErrorBoundary() {
  const error = useRouteError()
  const revalidator = useRevalidator()
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />
  if (isStaleBuild(error)) {
    return (
      <LoadError
        title="This site has been updated"
        detail="A new version was published since this page was opened. Reload to continue with it."
        action="Reload"
        onAction={() => window.location.reload()}
      />
    )
  }
  const detail =
    error instanceof HttpError
      ? `The server answered ${error.status} for data this page needs.`
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
