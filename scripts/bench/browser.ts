/**
 * Headless Chromium for the benchmarks: Playwright driving the browser scripts/test/browser.ts
 * finds (CHROMIUM_PATH, Playwright's own, or Debian's), the same one the end-to-end tests use.
 */
import { chromium, type Browser } from '@playwright/test'
import { browserPath } from '../test/browser.ts'

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: browserPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
}
