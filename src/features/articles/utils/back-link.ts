/** Where "back to the list" goes: the list the reader came from, when the history says so. */
export function backPath(state: unknown, fallback: string): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')) return from
  }
  return fallback
}
