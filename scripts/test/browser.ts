/**
 * Which Chromium the end-to-end tests and the benchmarks drive. e2e/playwright.config.ts,
 * scripts/test/ensure-browser.ts (which also installs one when none is found) and the benchmarks
 * all ask here, so they agree.
 */
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

export type BrowserChoice = {
  path: string
  /** Where the path came from, for the one line that says which browser runs the tests. */
  from: 'CHROMIUM_PATH' | 'Playwright' | 'system'
}

export type BrowserSearch = {
  choice: BrowserChoice | null
  /** A CHROMIUM_PATH that names no file, passed over for the next candidate. */
  missingChromiumPath: string | null
}

/**
 * In order: CHROMIUM_PATH when it names a file, Playwright's own Chromium when it is installed,
 * then Debian's /usr/bin/chromium. Finds; never installs.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): BrowserSearch {
  const fromEnv = env.CHROMIUM_PATH?.trim() || null
  const missingChromiumPath = fromEnv !== null && !existsSync(fromEnv) ? fromEnv : null
  const candidates: BrowserChoice[] = [
    ...(fromEnv !== null ? [{ path: fromEnv, from: 'CHROMIUM_PATH' as const }] : []),
    { path: chromium.executablePath(), from: 'Playwright' },
    { path: SYSTEM_CHROMIUM, from: 'system' },
  ]
  const choice = candidates.find((candidate) => existsSync(candidate.path)) ?? null
  return { choice, missingChromiumPath }
}

export function describeBrowser(choice: BrowserChoice): string {
  const label = {
    CHROMIUM_PATH: 'Chromium from CHROMIUM_PATH',
    Playwright: "Playwright's own Chromium",
    system: 'the system Chromium',
  }[choice.from]
  return `${label} at ${choice.path}`
}

/** The path findBrowser chooses; throws, saying how to get one, when there is none. */
export function browserPath(env: NodeJS.ProcessEnv = process.env): string {
  const { choice, missingChromiumPath } = findBrowser(env)
  if (choice !== null) return choice.path
  const missing =
    missingChromiumPath === null
      ? ''
      : ` (CHROMIUM_PATH names ${missingChromiumPath}, which does not exist)`
  throw new Error(
    `no Chromium found${missing}: run \`npx tsx scripts/test/ensure-browser.ts\`, install it with \`sudo apt-get install -y chromium\`, or set CHROMIUM_PATH`,
  )
}
