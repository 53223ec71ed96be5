/**
 * `npm run build` of a test corpus into `outDir`, in a child process as the real build runs, for
 * the tests that read what it wrote. Throws with the build's output when it fails.
 */
import { spawnSync } from 'node:child_process'

export const BUILD_TIMEOUT_MS = 110_000

export function buildTestSite(options: { corpusDir: string; outDir: string; siteUrl?: string }) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CORPUS_DIR: options.corpusDir,
    BASE_PATH: '/',
    ...(options.siteUrl === undefined ? {} : { SITE_URL: options.siteUrl }),
  }
  // Vitest sets NODE_ENV=test, which would build React's development version.
  delete env.NODE_ENV
  const built = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/site/build.ts', '--outDir', options.outDir],
    { encoding: 'utf8', env, timeout: BUILD_TIMEOUT_MS },
  )
  if (built.status !== 0) {
    throw new Error(`the build failed (${built.status}):\n${built.stdout}\n${built.stderr}`)
  }
}
