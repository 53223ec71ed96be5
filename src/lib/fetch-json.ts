/** A response that came back with an HTTP error status. */
export class HttpError extends Error {
  readonly status: number
  readonly url: string
  constructor(status: number, url: string) {
    super(`${url} answered ${status}`)
    this.name = 'HttpError'
    this.status = status
    this.url = url
  }
}

/** A response that arrived but is not the data it should be (truncated, not JSON, wrong shape). */
export class DataError extends Error {
  readonly url: string
  constructor(url: string, reason: string) {
    super(`${url}: ${reason}`)
    this.name = 'DataError'
    this.url = url
  }
}

/** A request the server did not finish answering within FETCH_TIMEOUT_MS. */
export class FetchTimeoutError extends Error {
  readonly url: string
  constructor(url: string, ms: number) {
    super(`${url} did not answer within ${ms / 1000} s`)
    this.name = 'FetchTimeoutError'
    this.url = url
  }
}

/** A request that got no answer at all: offline, or the connection failed. */
export class NetworkError extends Error {
  readonly url: string
  constructor(url: string) {
    super(`${url} could not be fetched: the network request failed`)
    this.name = 'NetworkError'
    this.url = url
  }
}

/** How long a request (headers and body) may take before the app gives up on it. */
export const FETCH_TIMEOUT_MS = 10_000

export function isNotFound(error: unknown): boolean {
  return error instanceof HttpError && error.status === 404
}

/**
 * Fetches a file and reads its body with `read`, all within FETCH_TIMEOUT_MS: a server that never
 * answers becomes a FetchTimeoutError instead of a request left pending forever. Aborting `signal`
 * (the query was cancelled) aborts the request with the signal's own reason.
 */
export async function fetchWithTimeout<T>(
  url: string,
  read: (response: Response) => Promise<T>,
  signal?: AbortSignal,
  init?: RequestInit,
): Promise<T> {
  const controller = new AbortController()
  const timeout = new FetchTimeoutError(url, FETCH_TIMEOUT_MS)
  // A page timer (not AbortSignal.timeout), so that tests can run the clock forward.
  const timer = setTimeout(() => controller.abort(timeout), FETCH_TIMEOUT_MS)
  const onAbort = () => controller.abort(signal?.reason)
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })
  try {
    let response: Response
    try {
      response = await fetch(url, { ...init, signal: controller.signal })
    } catch (error) {
      if (controller.signal.aborted) throw error
      throw new NetworkError(url)
    }
    if (!response.ok) throw new HttpError(response.status, url)
    return await read(response)
  } catch (error) {
    throw controller.signal.reason === timeout ? timeout : error
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}

/** Fetches JSON and checks its shape at the boundary: what it returns is what the guard promised. */
export async function fetchJson<T>(
  url: string,
  isValid: (value: unknown) => value is T,
  signal?: AbortSignal,
  init?: RequestInit,
): Promise<T> {
  const text = await fetchWithTimeout(url, (response) => response.text(), signal, init)
  const value = parseJson(url, text)
  if (!isValid(value)) throw new DataError(url, 'the response does not have the expected shape')
  return value
}

/** `text`, the body of `url`, parsed as JSON; a DataError naming the URL when it is not JSON. */
export function parseJson(url: string, text: string): unknown {
  try {
    const value: unknown = JSON.parse(text)
    return value
  } catch {
    throw new DataError(url, 'the response is not valid JSON')
  }
}
