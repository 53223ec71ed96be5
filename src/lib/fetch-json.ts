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

export function isNotFound(error: unknown): boolean {
  return error instanceof HttpError && error.status === 404
}

/** Fetches JSON and checks its shape at the boundary: what it returns is what the guard promised. */
export async function fetchJson<T>(
  url: string,
  isValid: (value: unknown) => value is T,
  signal?: AbortSignal,
): Promise<T> {
  const response = await fetch(url, { signal })
  if (!response.ok) throw new HttpError(response.status, url)
  const text = await response.text()
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new DataError(url, 'the response is not valid JSON')
  }
  if (!isValid(value)) throw new DataError(url, 'the response does not have the expected shape')
  return value
}
