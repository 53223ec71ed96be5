/**
 * Drives the app's real /search view in a page: puts a query into the header's search box at once
 * (one input event) and waits for its results list, timing it inside the page.
 *
 * Two times are taken with performance.now(), each to the moment a MutationObserver sees the
 * results of this query in the DOM (the heading names it, the results list is no longer busy,
 * and its `data-query`, where it has one, is the query): from the input event, and from the box's
 * navigation (history.replaceState) when the results waited for one. The box shows results as
 * it is typed into and lets the URL follow later; a build from before that waited 200 ms after
 * the last keystroke, then navigated, and only then searched: there the second time leaves that
 * wait out.
 */
import type { BrowserContext, Page } from '@playwright/test'

export type ViewAnswer = {
  /** Article ids of the results shown, in order (the first page: 10 at most). */
  ids: string[]
  /** From the input event to the results in the DOM. */
  keystrokeMs: number
  /**
   * The search and its render: from the box's navigation on a build whose results waited for it
   * (no `data-query` on its results), else from the input event.
   */
  afterDebounceMs: number
}

const ANSWER_TIMEOUT_MS = 30_000

/**
 * Prepares every page of `context`: defines the `__name` helper that tsx (esbuild's keepNames)
 * writes into the functions handed to page.evaluate, and records the time of every history
 * navigation before the app's scripts run.
 */
export async function prepareContext(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: 'window.__name = (f) => f' })
  await context.addInitScript(() => {
    const mark = () => Reflect.set(window, '__benchNavigatedAt', performance.now())
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = history[name]
      history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
        mark()
        return original.apply(this, args)
      }
    }
  })
}

/** Opens /search and waits until the app runs (a prerendered page is inert before). */
export async function openSearchView(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/search`)
  await page.locator('html[data-app-ready="true"]').waitFor()
}

function isViewAnswer(value: unknown): value is ViewAnswer {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray(Reflect.get(value, 'ids')) &&
    typeof Reflect.get(value, 'keystrokeMs') === 'number' &&
    typeof Reflect.get(value, 'afterDebounceMs') === 'number'
  )
}

/** Types `q` into the search box (replacing what is there) and reads the results it shows. */
export async function searchInView(page: Page, q: string): Promise<ViewAnswer> {
  await page.evaluate(
    ({ q, timeout }) => {
      const heading = `Search: ${q.trim()}`
      let typedAt = Number.NaN
      document.addEventListener('input', () => (typedAt = performance.now()), {
        capture: true,
        once: true,
      })
      const answer = new Promise((resolve, reject) => {
        const read = () => {
          const h1 = document.querySelector('main h1')?.textContent
          const results = document.querySelector('main .search-results')
          if (h1 !== heading || results === null || results.getAttribute('aria-busy') === 'true') {
            return false
          }
          const forQuery = results.getAttribute('data-query')
          if (forQuery !== null && forQuery !== q) return false
          const doneAt = performance.now()
          const navigated = Number(Reflect.get(window, '__benchNavigatedAt'))
          // A view that marks its results with their query shows them without waiting for the URL.
          const navigatedAt = forQuery === null && navigated > typedAt ? navigated : typedAt
          const ids = [...results.querySelectorAll('ol h2 a')].map((link) => {
            const match = /\/articles\/([0-9a-f]{16})(?:\/|$)/.exec(link.getAttribute('href') ?? '')
            return match?.[1] ?? ''
          })
          observer.disconnect()
          clearTimeout(timer)
          resolve({ ids, keystrokeMs: doneAt - typedAt, afterDebounceMs: doneAt - navigatedAt })
          return true
        }
        const observer = new MutationObserver(() => void read())
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        })
        const timer = setTimeout(() => {
          observer.disconnect()
          reject(new Error(`no results for "${q}" within ${timeout} ms`))
        }, timeout)
      })
      Reflect.set(window, '__benchAnswer', answer)
    },
    { q, timeout: ANSWER_TIMEOUT_MS },
  )
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(q)
  const answer: unknown = await page.evaluate(() => Reflect.get(window, '__benchAnswer'))
  if (!isViewAnswer(answer)) throw new Error(`unexpected answer from the page for "${q}"`)
  return answer
}
