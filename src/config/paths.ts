/** Every URL the app builds, in one place. Paths are relative to the router's basename. */
export const paths = {
  home: (page = 1) => (page > 1 ? `/?page=${page}` : '/'),
  source: (sourceSlug: string, page = 1) =>
    `/sources/${encodeURIComponent(sourceSlug)}${page > 1 ? `?page=${page}` : ''}`,
  // A title in a script without a standard romanisation has no slug: the URL is the id alone.
  article: (id: string, slug: string) =>
    slug === '' ? `/articles/${id}` : `/articles/${id}/${slug}`,
  /** The reader's own views, kept in this browser: no prerendered page (the host's shell). */
  saved: () => '/saved',
  history: () => '/history',
}

/** The absolute URL of an app path, as someone else would open it. */
export function absoluteUrl(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '')
  return new URL(`${base}${path}`, window.location.origin).href
}
