/** The list page a URL asks for: 1 when absent, null when it is not a page number at all. */
export function parsePageParam(search: URLSearchParams): number | null {
  const raw = search.get('page')
  if (raw === null) return 1
  return /^[1-9]\d{0,6}$/.test(raw) ? Number(raw) : null
}
