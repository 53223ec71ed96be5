/**
 * What a page showed in <main> from its first paint until the app had it, frame by frame: for the
 * rule that markup prerendered for one URL is never shown under another (issue #22,
 * src/app/start/page-check.ts). Used by first-paint.spec.ts and hosts.spec.ts.
 */
import { expect, type Page } from './fixtures'

/**
 * Before `page` loads anything: on every frame from the first that has a main landmark until the
 * app is ready, whether the landmark's visible text holds `text` (a story of another page). When
 * the app is ready, <html> gets `data-main-showed` ("true" or "false") and, from that first frame,
 * `data-first-main-mark` (its `data-page-mismatch`, or "none").
 */
export async function watchMain(page: Page, text: string): Promise<void> {
  await page.addInitScript((text) => {
    let showed = false
    let first: string | null = null
    const frame = () => {
      // Read each frame: the script runs before the document has an element.
      const root = document.documentElement
      const landmark = document.querySelector('main')
      if (landmark !== null) {
        first ??= root.dataset.pageMismatch ?? 'none'
        showed ||= landmark.innerText.includes(text)
      }
      if (root.dataset.appReady !== 'true' || first === null) {
        requestAnimationFrame(frame)
        return
      }
      root.dataset.firstMainMark = first
      root.dataset.mainShowed = String(showed)
    }
    requestAnimationFrame(frame)
  }, text)
}

/** That no frame, from the first paint until the app was ready, showed the text in <main>. */
export async function expectMainNeverShowed(page: Page, what: string): Promise<void> {
  await expect(page.locator('html'), `${what}, from the first paint on`).toHaveAttribute(
    'data-main-showed',
    'false',
  )
}

/** What the first frame with a main landmark drew there: a skeleton ("list", "article") or "none". */
export async function expectFirstMain(
  page: Page,
  mark: 'list' | 'article' | 'none',
): Promise<void> {
  await expect(page.locator('html'), 'the first frame with a main landmark').toHaveAttribute(
    'data-first-main-mark',
    mark,
  )
}
