/**
 * The pages' template: index.html as Vite and the start-up plugins wrote it, which the prerender
 * fills with each page's head and markup (`assemble`, page-html.ts). Checked once, before any page
 * is written from it.
 */

/** What `assemble` fills in the template, each of which it must find there. */
const TEMPLATE_PARTS: readonly [RegExp, string][] = [
  [/<html(?=[\s>])/, "<html> tag, on which the page's URL goes (data-path)"],
  [/<title>[\s\S]*?<\/title>/, "<title>, where the page's head tags go"],
  [/<\/head>/, '</head>, before which the feed links and preloads go'],
  [/<div id="root"><\/div>/, 'empty <div id="root"></div>, for the page\'s markup'],
]

/**
 * Stops the build, naming `file` and what it lacks, unless `template` (index.html as Vite and the
 * boot script's plugin wrote it) has every part `assemble` fills: without one, every page would
 * be written without its head tags, or its content.
 */
export function checkTemplate(template: string, file: string): void {
  for (const [part, expected] of TEMPLATE_PARTS) {
    if (!part.test(template)) throw new Error(`${file}, the pages' template, has no ${expected}`)
  }
}
