/**
 * npx playwright test -c e2e/playwright.config.ts (npm run test:e2e), from the repository root.
 *
 * Builds the app over the fixture corpus (e2e/fixtures/corpus) into e2e/.dist and serves it the
 * way a static host would (scripts/site/serve.ts), then drives Chromium against it.
 *
 * Environment: CHROMIUM_PATH (the browser; see scripts/test/browser.ts), E2E_PORT (default 4180),
 * E2E_DIST (the built site's folder, default e2e/.dist; give parallel runs their own),
 * E2E_REACT_DEV=1 (build React's development version), CI (no reused server, no test.only).
 */
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'
import { describeBrowser, findBrowser } from '../scripts/test/browser'

const root = fileURLToPath(new URL('..', import.meta.url))
const port = Number(process.env.E2E_PORT ?? 4180)
const baseURL = `http://127.0.0.1:${port}`
const distDir = process.env.E2E_DIST ?? 'e2e/.dist'
// scripts/test/test-totals.ts reads the default run's report.
const reportName = process.env.E2E_DIST ? `e2e-${basename(distDir)}.json` : 'e2e.json'

const browser = findBrowser().choice
if (browser === null) {
  throw new Error(
    'No Chromium for the end-to-end tests: run `npx tsx scripts/test/ensure-browser.ts`, install it with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH.',
  )
}

export default defineConfig({
  testDir: '.',
  // Per built site, so that two suites run at once (each with its own E2E_DIST) keep their traces.
  outputDir: `${root}/test-results/${basename(distDir)}`,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: `${root}/reports/${reportName}` }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // page.route, which the specs inject faults with, does not see what a service worker answers:
    // the worker is off except in offline.spec.ts, which tests it.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      metadata: { browser: describeBrowser(browser) },
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        // Root in a container: no user namespaces for Chromium's sandbox, and a small /dev/shm.
        launchOptions: {
          chromiumSandbox: false,
          executablePath: browser.path,
          args: ['--no-sandbox', '--disable-setuid-sandbox', '--disable-dev-shm-usage'],
        },
      },
    },
  ],
  webServer: {
    command: `npx tsx scripts/site/build.ts --outDir ${distDir} && npx tsx scripts/site/serve.ts --dir ${distDir} --port ${port}`,
    cwd: root,
    env: {
      CORPUS_DIR: 'e2e/fixtures/corpus',
      BASE_PATH: '/',
      // Canonical links, the sitemap and the feeds name the address the tests browse.
      SITE_URL: baseURL,
      CORPUS_ALLOW_ERRORS: '',
      // The specs find chunks through the build manifest (e2e/build-manifest.ts).
      KEEP_BUILD_MANIFEST: '1',
      // E2E_REACT_DEV=1 tests React's development build instead of what ships: StrictMode runs
      // effects twice and React logs its warnings, which the console guard turns into failures.
      ...(process.env.E2E_REACT_DEV ? { NODE_ENV: 'development' } : {}),
    },
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
