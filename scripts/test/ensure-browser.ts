/**
 * tsx scripts/test/ensure-browser.ts: makes sure a Chromium is there for the end-to-end tests, the one
 * e2e/playwright.config.ts will launch (both ask scripts/test/browser.ts). Playwright's own browser builds
 * cannot always be downloaded, so on Debian, as root, this installs the distribution's chromium.
 * Prints one line naming the browser, or exits 1 saying what to install.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { SYSTEM_CHROMIUM, describeBrowser, findBrowser } from './browser.ts'

const APT_GET = '/usr/bin/apt-get'

function run(command: string, args: string[]): boolean {
  console.log(`ensure-browser: ${command} ${args.join(' ')}`)
  // Output streams straight to this terminal: an install takes a while and should be seen.
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.error) console.error(`ensure-browser: ${command} failed: ${result.error.message}`)
  return result.status === 0
}

/** The browser answers --version: installed and able to start. */
function works(path: string): boolean {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 })
  return result.status === 0 && /chrom/i.test(result.stdout)
}

function fail(message: string): never {
  console.error(`ensure-browser: ${message}`)
  process.exit(1)
}

const { choice, missingChromiumPath } = findBrowser()
if (missingChromiumPath !== null) {
  console.warn(
    `ensure-browser: CHROMIUM_PATH is set to ${missingChromiumPath}, which does not exist: looking elsewhere`,
  )
}

if (choice !== null) {
  console.log(`ensure-browser: the end-to-end tests will use ${describeBrowser(choice)}`)
  process.exit(0)
}

const howToInstall =
  'install Chromium with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome executable'

if (process.getuid?.() !== 0 || !existsSync(APT_GET)) {
  fail(`no Chromium found for the end-to-end tests: ${howToInstall}`)
}

console.log('ensure-browser: no Chromium found; installing the Debian package chromium')
if (!run(APT_GET, ['update']) || !run(APT_GET, ['install', '-y', 'chromium'])) {
  fail(`apt-get could not install chromium: ${howToInstall}`)
}
if (!existsSync(SYSTEM_CHROMIUM) || !works(SYSTEM_CHROMIUM)) {
  fail(`chromium was installed but ${SYSTEM_CHROMIUM} does not run: ${howToInstall}`)
}
const installed = findBrowser().choice
if (installed === null) fail(`chromium was installed but cannot be found: ${howToInstall}`)
console.log(`ensure-browser: the end-to-end tests will use ${describeBrowser(installed)}`)
