/**
 * The site's public URL, base path included, without a trailing slash: SITE_URL, or for local use
 * the address `npm start` serves on.
 */
export function siteUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  const base = (env.BASE_PATH ?? '/').replace(/\/?$/, '/').replace(/\/$/, '')
  return (env.SITE_URL ?? `http://localhost:${env.PORT ?? '4173'}${base}`).replace(/\/$/, '')
}
