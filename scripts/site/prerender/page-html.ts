import { pathToFileURL } from 'node:url'
import type { Rendered, Seed } from '../../../src/entry-server.tsx'
import { escapeHtml } from './escape.ts'

export type RenderPage = (path: string, seed: Seed) => Promise<Rendered>

/** Loads renderPage from the server-rendering bundle of src/entry-server.tsx. */
export async function loadRenderPage(ssrEntry: string): Promise<RenderPage> {
  const entry: unknown = await import(pathToFileURL(ssrEntry).href)
  if (typeof entry === 'object' && entry !== null && 'renderPage' in entry) {
    const render = entry.renderPage
    // The bundle is this build's own src/entry-server.tsx.
    if (typeof render === 'function') return (path, seed) => render(path, seed) as Promise<Rendered>
  }
  throw new Error(`${ssrEntry} does not export renderPage`)
}

/**
 * The template with the page's head and markup in place, `url` (the path the page was rendered
 * for, as the address bar shows it: the base path, the route's path and query) in `data-path` on
 * <html>, and `headEnd` (tags the page loads after the app's own script and stylesheet) last in
 * its head. The page's head script compares `data-path` with the address it was opened at, and
 * hides the markup under any other (src/app/start/page-check.ts). Replacements are functions:
 * article text may hold `$&` and the like, which a replacement string would interpret.
 */
export function assemble(template: string, rendered: Rendered, url: string, headEnd = ''): string {
  return template
    .replace(/<html(?=[\s>])/, (tag) => `${tag} data-path="${escapeHtml(url)}"`)
    .replace(/<title>[\s\S]*?<\/title>/, () => rendered.head)
    .replace(/\s*<\/head>/, (end) => (headEnd === '' ? end : `\n    ${headEnd}${end}`))
    .replace(/\s*<noscript>[\s\S]*?<\/noscript>/, () => '')
    .replace(
      '<div id="root"></div>',
      () =>
        `<div id="root">${rendered.body}</div>\n    <script type="application/json" id="prerendered-state">${rendered.stateJson}</script>`,
    )
}

const JSON_LD = /<script type="application\/ld\+json">[\s\S]*?<\/script>/g

/**
 * The page's JSON-LD blocks as they were rendered (React leaves them in the body, where crawlers
 * read them too), for a head of their own: the short URL's page has no body to carry them.
 */
export function jsonLdScripts(body: string): string[] {
  return body.match(JSON_LD) ?? []
}

/**
 * The short URL /articles/<id>: the story's head for link previews and crawlers (title, meta,
 * canonical link and its JSON-LD, `jsonLd`), and a redirect to `target`.
 */
export function redirectPage(
  target: string,
  head: string,
  feeds: string,
  base: string,
  jsonLd: readonly string[] = [],
): string {
  const href = escapeHtml(target)
  const structured = jsonLd.map((script) => `\n    ${script}`).join('')
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" href="${escapeHtml(base)}/favicon.svg" type="image/svg+xml" />
    <link rel="manifest" href="${escapeHtml(base)}/manifest.webmanifest" />
    ${head}${structured}
    ${feeds}
    <meta http-equiv="refresh" content="0; url=${href}" />
  </head>
  <body>
    <p><a href="${href}">Continue to the article</a></p>
  </body>
</html>
`
}
