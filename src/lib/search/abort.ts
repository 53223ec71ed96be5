/**
 * Stops a search that was aborted: it checks its signal after each wait (a file loaded), so an
 * aborted search neither goes on loading nor answers.
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError')
  }
}
