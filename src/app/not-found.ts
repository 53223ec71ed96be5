import { data } from 'react-router-dom'
import { isNotFound } from '@/lib/fetch-json'

/** Throws the 404 that the route's error boundary renders as the not-found view. */
export function notFound(): never {
  throw data('Not found', { status: 404 })
}

/** Awaits data for a loader, turning a missing file into the route's 404. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise
  } catch (error) {
    if (isNotFound(error)) notFound()
    throw error
  }
}
