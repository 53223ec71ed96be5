/**
 * The reading settings on the first paint: a tiny classic script, loaded from every page's head
 * before its body is parsed, that reads the reader's stored settings and sets them as attributes
 * on <html> (src/lib/reader-store/early-settings.ts), which the stylesheet reads. A prerendered
 * page then paints in the reader's theme, text size, font and width at once, with no flash of the
 * defaults, long before the app starts (defer-entry.ts starts it after the first paint).
 *
 * The script is bundled on its own from the same module the app uses, with Rolldown (format
 * IIFE, minified), and written as a hashed file under `assets/`: it is cached forever and the
 * service worker precaches it with the other assets. An external file from the site itself, so the
 * Content Security Policy (`script-src 'self'`, no inline script) needs no exception. Its tag goes
 * into index.html, from which shell.html, 404.html and every prerendered page are made, right
 * after the policy's <meta> (which then covers it too), ahead of the stylesheet and the rest; a
 * template without a <head> stops the build.
 */
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { rolldown } from 'rolldown'
import type { Plugin, ResolvedConfig } from 'vite'
import { orderCheck, READERS_OF_BUILT_FILES } from './plugin-order.ts'

export const READER_SETTINGS = 'newsreader:reader-settings'
/**
 * The module the script runs, relative to the project's root: it applies the stored reading
 * settings and marks a page prerendered for another URL (src/app/start/early-head.ts).
 */
export const EARLY_SETTINGS_MODULE = 'src/app/start/early-head.ts'

const ENTRY = '\0reader-settings-entry'

/** The script's source: the module run for its effects, self-contained and minified. */
export async function buildReaderSettingsScript(modulePath: string): Promise<string> {
  const bundle = await rolldown({
    input: ENTRY,
    transform: { target: 'es2022' },
    plugins: [
      {
        name: 'reader-settings-entry',
        resolveId: (id) => (id === ENTRY ? ENTRY : null),
        load: (id) => (id === ENTRY ? `import ${JSON.stringify(modulePath)}\n` : null),
      },
    ],
  })
  try {
    const { output } = await bundle.generate({ format: 'iife', minify: true })
    const [chunk, ...rest] = output
    if (chunk?.type !== 'chunk' || rest.length > 0) {
      throw new Error(
        `reader-settings: bundling ${modulePath} gave ${output.length} files, not the one script`,
      )
    }
    return chunk.code
  } finally {
    await bundle.close()
  }
}

/** The script's file in the build: `assets/reader-settings-<hash of its content>.js`. */
export function scriptFileName(code: string): string {
  return `assets/reader-settings-${createHash('sha256').update(code).digest('hex').slice(0, 8)}.js`
}

/** The opening <head> tag, and the policy's <meta> when it comes first (csp.ts puts it there). */
const HEAD_START = /<head(?:\s[^>]*)?>(?:\s*<meta http-equiv="Content-Security-Policy"[^>]*>)?/i

/**
 * `html` with the script's tag first in its head (after the policy's <meta>, if that comes
 * first). Throws, naming `file`, when there is no <head>: the pages would paint the defaults.
 */
export function injectReaderSettings(html: string, src: string, file: string): string {
  if (!HEAD_START.test(html)) {
    throw new Error(
      `reader-settings: ${file} has no <head> for the reading settings' script to go first in; ` +
        'every page would paint the default settings before the app applied the reader’s',
    )
  }
  return html.replace(HEAD_START, (head) => `${head}\n    <script src="${src}"></script>`)
}

export type ReaderSettingsOptions = {
  /** The module to bundle; EARLY_SETTINGS_MODULE under the project's root by default. */
  module?: string
}

export function readerSettingsPlugin(options: ReaderSettingsOptions = {}): Plugin {
  let config: ResolvedConfig
  let script: { fileName: string; code: string } | undefined
  return {
    name: READER_SETTINGS,
    apply: 'build',
    configResolved(c) {
      config = c
      orderCheck(READER_SETTINGS, READERS_OF_BUILT_FILES)(c)
    },
    async buildStart() {
      if (config.build.ssr) return
      const code = await buildReaderSettingsScript(
        options.module ?? resolve(config.root, EARLY_SETTINGS_MODULE),
      )
      script = { fileName: scriptFileName(code), code }
    },
    generateBundle() {
      if (!script) return
      this.emitFile({ type: 'asset', fileName: script.fileName, source: script.code })
    },
    // After the other plugins' HTML transforms: the policy's <meta> is in the head by then.
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!script) throw new Error('reader-settings: the script was not built before the HTML')
        return injectReaderSettings(html, `${config.base}${script.fileName}`, context.filename)
      },
    },
  }
}
