/**
 * One Lighthouse run in a fresh headless Chromium (the one scripts/test/browser.ts finds):
 * Lighthouse's default config, which is the mobile preset (mobile form factor and screen,
 * simulated slow-4G and 4x CPU throttling).
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Result, type RunnerResult } from 'lighthouse'
import { browserPath } from '../../test/browser.ts'
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

/** One run's whole result: the report, and what Lighthouse gathered to make it (the trace...). */
export async function runLighthouseWithArtifacts(
  url: string,
  categories: readonly string[] = CATEGORY_IDS,
  /** More trace categories than Lighthouse's own, comma-separated (the CPU profile's...). */
  additionalTraceCategories?: string,
): Promise<RunnerResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: browserPath(),
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  })
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      logLevel: 'error',
      onlyCategories: [...categories],
      ...(additionalTraceCategories === undefined ? {} : { additionalTraceCategories }),
    })
    if (result === undefined) throw new Error(`Lighthouse returned no result for ${url}`)
    const { runtimeError } = result.lhr
    if (runtimeError !== undefined) {
      throw new Error(`Lighthouse failed on ${url}: ${runtimeError.code} ${runtimeError.message}`)
    }
    return result
  } finally {
    chrome.kill()
  }
}

export async function runLighthouse(url: string): Promise<Result> {
  return (await runLighthouseWithArtifacts(url)).lhr
}

/**
 * One run in a process of its own, its result written to `report`. In the benchmark's process
 * the results of earlier runs pile up, and that process's garbage collection then competes with
 * the page for this machine's two cores while Lighthouse measures it; a fresh process per run
 * keeps one run from disturbing the next.
 */
export async function runLighthouseIsolated(url: string, report: string): Promise<Result> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./run-one.ts', import.meta.url)), url, report],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  )
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', resolve)
  })
  if (code !== 0) throw new Error(`the Lighthouse run on ${url} exited with code ${code}`)
  return JSON.parse(readFileSync(report, 'utf8')) as Result
}

/** The page's DOM once its scripts have run, to tell which view a client-routed URL renders. */
export function renderedDom(url: string): string {
  const result = spawnSync(
    browserPath(),
    [...CHROME_FLAGS, '--virtual-time-budget=10000', '--dump-dom', url],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
  )
  return result.stdout ?? ''
}
