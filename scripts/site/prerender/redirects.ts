/**
 * The short URL of each article, /articles/<id>, as a table a server can answer with a real 301 to
 * the canonical URL: hosts cannot know an article's slug, so the build writes the map. Without it
 * the short URL's own page (a redirect page with the article's head) still leads there.
 *
 * - `redirects.nginx.conf`: the entries of an nginx `map` (`include` it inside the block).
 * - `redirects.caddy`: the entries of a Caddy `map` (`import` it inside the block).
 *
 * docs/deploy/nginx.conf and docs/deploy/Caddyfile use them; e2e/hosts.spec.ts serves both.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { paths } from '../../../src/config/paths.ts'

export const NGINX_REDIRECTS = 'redirects.nginx.conf'
export const CADDY_REDIRECTS = 'redirects.caddy'

export type ShortLink = { id: string; slug: string }

/** What both servers' syntax takes unquoted: the compiler's ids (hex) and slugs (kebab-case). */
const SAFE_PATH = /^\/[a-z0-9/-]+$/

/** Each article's short path and its canonical path, under `base` ("" at the root). */
export function shortLinkTable(base: string, articles: readonly ShortLink[]): [string, string][] {
  // An article without a slug has no other URL to send its short one to.
  return articles
    .filter(({ slug }) => slug !== '')
    .map(({ id, slug }) => {
      const from = `${base}/articles/${id}`
      const to = `${base}${paths.article(id, slug)}`
      for (const path of [from, to]) {
        // A path a config file would misread must fail the build, not write a broken config.
        if (!SAFE_PATH.test(path.slice(base.length))) {
          throw new Error(`redirects: ${path} cannot be written into a server's config unquoted`)
        }
      }
      return [from, to]
    })
}

export function nginxRedirects(table: readonly [string, string][]): string {
  const lines = table.map(([from, to]) => `${from} ${to};`)
  return `# Written by the build: /articles/<id> to its canonical URL, for an nginx map.\n${lines.join('\n')}\n`
}

export function caddyRedirects(table: readonly [string, string][]): string {
  const lines = table.map(([from, to]) => `${from} ${to}`)
  return `# Written by the build: /articles/<id> to its canonical URL, for a Caddy map.\n${lines.join('\n')}\n`
}

/** Writes both maps into the built site's folder. */
export function writeRedirectMaps(outDir: string, base: string, articles: readonly ShortLink[]) {
  const table = shortLinkTable(base, articles)
  writeFileSync(join(outDir, NGINX_REDIRECTS), nginxRedirects(table))
  writeFileSync(join(outDir, CADDY_REDIRECTS), caddyRedirects(table))
}
