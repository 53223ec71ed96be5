import { siteUrl } from 'virtual:corpus'

/** The absolute canonical URL of an app path, on the site's public address (SITE_URL). */
export function canonicalUrl(path: string): string {
  return `${siteUrl}${path}`
}
