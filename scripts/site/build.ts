/**
 * npm run build: the client build (with the compiled corpus), the server-rendering build, and the
 * prerender step that writes a page per article, the sitemap and the feeds.
 *
 *   tsx scripts/site/build.ts [--outDir dist]
 */
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'vite'
import { prerender } from './prerender/prerender.ts'
import { siteUrlFromEnv } from './site-url.ts'

const { values } = parseArgs({ options: { outDir: { type: 'string', default: 'dist' } } })
const outDir = resolve(values.outDir)
// Per process, so that two builds in one checkout never share a server bundle.
const ssrDir = resolve(`node_modules/.cache/newsreader-ssr/${process.pid}`)
const basePath = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/')
const siteUrl = siteUrlFromEnv()

try {
  await build({ build: { outDir, emptyOutDir: true } })
  await build({
    logLevel: 'warn',
    build: { ssr: 'src/entry-server.tsx', outDir: ssrDir, emptyOutDir: true, copyPublicDir: false },
  })
  const summary = await prerender({
    outDir,
    ssrEntry: resolve(ssrDir, 'entry-server.js'),
    siteUrl,
    basePath,
  })
  console.log(
    `prerendered ${summary.pages} pages in ${summary.seconds.toFixed(1)} s for ${siteUrl}`,
  )
  if (process.env.SITE_URL === undefined) {
    console.log(
      `SITE_URL is not set: canonical links, the sitemap and the feeds point to ${siteUrl}. Set it to the public URL before deploying.`,
    )
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
} finally {
  rmSync(ssrDir, { recursive: true, force: true })
}
// Nothing the build started should keep the process alive once it is done.
process.exit()
