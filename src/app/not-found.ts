import { data } from 'react-router-dom'
import { explainLoadFailure, SiteUpdatedError } from '@/lib/deployment'
import { isNotFound } from '@/lib/fetch-json'

/** Throws the 404 that the route's error boundary renders as the not-found view. */
export function notFound(): never {
  throw data('Not found', { status: 404 })
}

/**
 * Awaits data for a loader, turning a missing file into the route's 404, unless the file is
 * missing because the site was redeployed (the error boundary then offers a reload).
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise
  } catch (error) {
    const explained = await explainLoadFailure(error)
    if (explained instanceof SiteUpdatedError) throw explained
    if (isNotFound(explained)) notFound()
    throw explained
  }
}

/** Awaits data every view needs (the manifest): missing is a fault, or a redeploy; never a 404. */
export async function orSiteUpdated<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise
  } catch (error) {
    throw await explainLoadFailure(error)
  }
}
