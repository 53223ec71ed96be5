/** Headless Chromium for the benchmarks: Playwright driving the browser chromiumPath() names. */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from '@playwright/test'
import { chromiumPath } from './lighthouse/run-lighthouse.ts'

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath()
  if (!existsSync(executablePath)) {
    throw new Error(
      `no Chromium at ${executablePath}: install Debian's chromium or set CHROMIUM_PATH`,
    )
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  })
}
