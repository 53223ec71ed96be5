/**
 * The `test` and `expect` every spec imports. Each test fails when the page threw an uncaught
 * error or logged a console error or warning (React's warnings among them), except for messages
 * the test names as expected with `allowConsole`.
 */
import { AxeBuilder } from '@axe-core/playwright'
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test'

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** The message Chromium logs for every HTTP error response, such as the 404 of a missing id. */
export const NOT_FOUND_RESPONSE =
  /Failed to load resource: the server responded with a status of 404/

type Fixtures = {
  /**
   * Declares console messages this test expects: an error or warning whose text (followed by its
   * source URL) matches one of the patterns does not fail the test.
   */
  allowConsole: (...patterns: RegExp[]) => void
  /** Records page errors and console errors and warnings; fails the test if any were unexpected. */
  consoleGuard: void
  /** axe-core, limited to WCAG 2.2 A and AA rules. */
  makeAxeBuilder: () => AxeBuilder
}

type Recorder = { allowed: RegExp[]; problems: string[] }

/** What Playwright logs when the config's `serviceWorkers: 'block'` stops the app registering. */
const SERVICE_WORKER_BLOCKED = /^Service Worker registration blocked by Playwright/

export const test = base.extend<Fixtures & { recorder: Recorder }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from it
  recorder: async ({}, use) => {
    await use({ allowed: [SERVICE_WORKER_BLOCKED], problems: [] })
  },

  allowConsole: async ({ recorder }, use) => {
    await use((...patterns) => {
      recorder.allowed.push(...patterns)
    })
  },

  consoleGuard: [
    async ({ context, recorder }, use, testInfo) => {
      const onConsole = (message: ConsoleMessage) => {
        const type = message.type()
        if (type !== 'error' && type !== 'warning') return
        const url = message.location().url
        const text = url ? `${message.text()} (${url})` : message.text()
        if (recorder.allowed.some((pattern) => pattern.test(text))) return
        recorder.problems.push(`console ${type}: ${text}`)
      }
      const onPageError = (error: Error) => {
        recorder.problems.push(`page error: ${error.stack ?? error.message}`)
      }
      // Listening on the context covers every page the test opens.
      context.on('console', onConsole)
      context.on('weberror', (webError) => onPageError(webError.error()))
      await use()
      if (recorder.problems.length > 0) {
        await testInfo.attach('console problems', { body: recorder.problems.join('\n') })
      }
      expect(recorder.problems, 'page errors and console errors or warnings').toEqual([])
    },
    { auto: true },
  ],

  // A page load is done for a test once the app runs: a prerendered page shows its content
  // before its script has started, and a click then would land on inert HTML. (Pages without the
  // app, and runs with JavaScript off, are not waited for.)
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      const ready = () =>
        page.waitForFunction(
          () =>
            document.getElementById('root') === null ||
            document.documentElement.dataset.appReady === 'true',
        )
      const goto = page.goto.bind(page)
      const reload = page.reload.bind(page)
      page.goto = async (...args: Parameters<Page['goto']>) => {
        const response = await goto(...args)
        await ready()
        return response
      }
      page.reload = async (...args: Parameters<Page['reload']>) => {
        const response = await reload(...args)
        await ready()
        return response
      }
    }
    await use(page)
  },

  makeAxeBuilder: async ({ page }, use) => {
    await use(() => new AxeBuilder({ page }).withTags(WCAG_TAGS))
  },
})

export { expect }
export type { Page }

/** Runs axe on the page as it is and expects no violation, each listed with its nodes if any. */
export async function expectNoViolations(makeAxeBuilder: () => AxeBuilder): Promise<void> {
  const { violations } = await makeAxeBuilder().analyze()
  const found = violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes
        .map((node) => `  ${node.target.join(' ')}: ${node.failureSummary}`)
        .join('\n'),
  )
  expect(found).toEqual([])
}

/** The page's vertical scroll offset in CSS pixels. */
export function scrollY(page: Page): Promise<number> {
  return page.evaluate(() => window.scrollY)
}

/**
 * Holds back every request matching `url` until the returned function is called: what a slow
 * network does to one file, at the moment the test chooses.
 */
export async function holdRequests(page: Page, url: string | RegExp | ((url: URL) => boolean)) {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(url, async (route) => {
    await held
    await route.continue()
  })
  return release
}

/**
 * Resolves once the page's main thread has nothing left to run: an idle callback runs only when
 * no task is queued, so the work the page had started by then (a render and its effects, which
 * React runs task after task) is done. For a claim that something did not happen, instead of a
 * fixed wait.
 */
export function idle(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve())))
}
