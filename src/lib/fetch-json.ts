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

/**
 * A web page where a data file was asked for: the host's answer for a file it does not have.
 * Hosts that rewrite every unknown path to a page (nginx `try_files $uri /index.html`, Firebase and
 * Vercel rewrites, `vite preview`) send it with status 200. The file is not there: a 404, so that
 * an unknown id is not found (after the redeploy check), never "damaged data".
 */
export class HtmlFallbackError extends HttpError {
  constructor(url: string) {
    super(404, url)
    this.name = 'HtmlFallbackError'
    this.message = `${url} answered a web page (the host's fallback) instead of the file`
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

/** A response that says it is HTML: never a data file, whose types are JSON or binary. */
function isHtmlType(response: Response): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(
    response.headers.get('Content-Type') ?? '',
  )
}

/**
 * Whether a data file's body is markup: its first character, past a byte-order mark and
 * whitespace, is `<`. No JSON starts so, nor the search index's files (zlib streams, whose first
 * byte is 0x78): a body that does is a host's page (or an XML error) answered in the file's place.
 */
export function isMarkup(body: string | Uint8Array): boolean {
  const start =
    typeof body === 'string' ? body.slice(0, 64) : new TextDecoder().decode(body.subarray(0, 64))
  return /^\uFEFF?\s*</.test(start)
}

/**
 * Fetches a data file and reads its body with `read`, all within FETCH_TIMEOUT_MS: a server that
 * never answers becomes a FetchTimeoutError instead of a request left pending forever. Aborting
 * `signal` (the query was cancelled) aborts the request with the signal's own reason. An answer
 * typed as HTML is the host's page for a missing file: an HtmlFallbackError (a 404).
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
    if (isHtmlType(response)) throw new HtmlFallbackError(url)
    return await read(response)
  } catch (error) {
    throw controller.signal.reason === timeout ? timeout : error
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}

/** A data file's bytes; a host's page in its place (see isMarkup) is an HtmlFallbackError. */
export function fetchBytes(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  return fetchWithTimeout(
    url,
    async (response) => {
      const bytes = await response.arrayBuffer()
      if (isMarkup(new Uint8Array(bytes))) throw new HtmlFallbackError(url)
      return bytes
    },
    signal,
  )
}

/**
 * Fetches JSON and checks its shape at the boundary: what it returns is what the guard promised.
 * A host's page in the file's place is an HtmlFallbackError (the file is missing); anything else
 * that is not JSON of the expected shape is a DataError (the file is damaged).
 */
export async function fetchJson<T>(
  url: string,
  isValid: (value: unknown) => value is T,
  signal?: AbortSignal,
  init?: RequestInit,
): Promise<T> {
  const text = await fetchWithTimeout(url, (response) => response.text(), signal, init)
  if (isMarkup(text)) throw new HtmlFallbackError(url)
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
