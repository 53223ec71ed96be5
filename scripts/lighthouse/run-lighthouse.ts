/**
 * One Lighthouse run in a fresh headless Chromium: Lighthouse's default config, which is the mobile
 * preset (mobile form factor and screen, simulated slow-4G and 4x CPU throttling).
 */
import { spawnSync } from 'node:child_process'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Result } from 'lighthouse'
import { CATEGORY_IDS } from './summarize.ts'

export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
}

export async function runLighthouse(url: string): Promise<Result> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      onlyCategories: [...CATEGORY_IDS],
    })
    if (result === undefined) throw new Error(`Lighthouse returned no result for ${url}`)
    const { runtimeError } = result.lhr
    if (runtimeError !== undefined) {
      throw new Error(`Lighthouse failed on ${url}: ${runtimeError.code} ${runtimeError.message}`)
    }
    return result.lhr
  } finally {
    chrome.kill()
  }
}

/** The page's DOM once its scripts have run, to tell which view a client-routed URL renders. */
export function renderedDom(url: string): string {
  const result = spawnSync(
    chromiumPath(),
    [...CHROME_FLAGS, '--virtual-time-budget=10000', '--dump-dom', url],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
  )
  return result.stdout ?? ''
}
