/**
 * Typing into a search box as a reader does, for bench:search's typing section: each query typed
 * key by key, KEY_DELAY_MS apart, into the real box of the page (the app's /search, or an anchor's
 * small page that searches as you type with its index in memory), and timed inside the page:
 *
 * - latency: from the last keystroke (its keydown's timestamp) to the frame that shows that
 *   query's results: a MutationObserver waits for the page to show results for exactly the typed
 *   query, then a requestAnimationFrame callback (run just before that frame paints) takes the time;
 * - key events: every event the Event Timing API reports while the query is typed (a
 *   PerformanceObserver of type 'event', durationThreshold 16 ms, the least it takes); the longest
 *   duration (from the event to the next paint), and the longest time to handle one (from the
 *   event to the end of its handlers: the wait for the main thread and the page's own work, not
 *   the wait for a frame, which on a loaded machine is most of the duration).
 *
 * What "results for exactly the query" means on each page: the app's results container
 * (`.search-results`) not busy, under the heading for the query, and, where it has one, its
 * `data-query` the query (without it, the heading and the results render together); an anchor's
 * list has `data-query` set once its results for the query are in the DOM.
 */
import { createHash } from 'node:crypto'
import { readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Locator, Page } from '@playwright/test'

/** Between two keystrokes: a quick typist. */
export const KEY_DELAY_MS = 40
/** How long one query's results may take before the run gives up on it. */
const ANSWER_TIMEOUT_MS = 30_000

export type TypingPage = 'app' | 'anchor'

/** One query typed: from its last keystroke to its results painted, and its slowest key event. */
export type Typed = { q: string; latencyMs: number; maxEventMs: number; maxHandledMs: number }

type EventEntry = { start: number; duration: number; handled: number }

/**
 * Prepares every page of `context` for typing: the Event Timing observer and the keystrokes' times,
 * installed before the page's own scripts.
 */
export async function installTypingProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const events: Array<{ start: number; duration: number; handled: number }> = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!(entry instanceof PerformanceEventTiming)) continue
        const handled = entry.processingEnd - entry.startTime
        events.push({ start: entry.startTime, duration: entry.duration, handled })
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
    let lastKey = Number.NaN
    document.addEventListener('keydown', (event) => (lastKey = event.timeStamp), { capture: true })
    Reflect.set(window, '__typing', { events, lastKey: () => lastKey })
  })
}

/** Arms the probe for `q`: `__typingAnswer` resolves once the page shows q's results. */
function arm(args: { q: string; page: TypingPage; timeout: number }): number {
  const { q, page, timeout } = args
  const probe: { lastKey: () => number } = Reflect.get(window, '__typing')
  const shows = (): boolean => {
    if (page === 'anchor') return document.getElementById('results')?.dataset.query === q
    const heading = document.querySelector('main h1')?.textContent
    const results = document.querySelector<HTMLElement>('main .search-results')
    if (heading !== `Search: ${q.trim()}` || results === null) return false
    if (results.getAttribute('aria-busy') === 'true') return false
    return results.dataset.query === undefined || results.dataset.query === q
  }
  const armedAt = performance.now()
  const answer = new Promise((resolve, reject) => {
    let seen = false
    const check = () => {
      if (seen || !shows()) return
      seen = true
      observer.disconnect()
      clearTimeout(timer)
      requestAnimationFrame(() => resolve({ at: performance.now(), lastKey: probe.lastKey() }))
    }
    const observer = new MutationObserver(check)
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
  Reflect.set(window, '__typingAnswer', answer)
  return armedAt
}

function isAnswer(value: unknown): value is { at: number; lastKey: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'at') === 'number' &&
    typeof Reflect.get(value, 'lastKey') === 'number'
  )
}

function isEvents(value: unknown): value is EventEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (e: unknown) =>
        typeof e === 'object' &&
        e !== null &&
        ['start', 'duration', 'handled'].every((key) => typeof Reflect.get(e, key) === 'number'),
    )
  )
}

/** The events the page's observer has had so far, once the last frames have been reported. */
async function eventEntries(page: Page) {
  const events: unknown = await page.evaluate(
    () =>
      new Promise((resolve) => {
        // Event Timing entries are reported after the frame that follows the event has painted.
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const probe: { events: unknown } = Reflect.get(window, '__typing')
              resolve(probe.events)
            }, 100),
          ),
        )
      }),
  )
  if (!isEvents(events)) throw new Error('unexpected event entries from the page')
  return events
}

/**
 * Types each query into `box` (what was there selected, so the first key replaces it) and times
 * it. A query whose results never come is left out of the figures, and counted.
 */
export async function typeQueries(
  page: Page,
  box: Locator,
  kind: TypingPage,
  queries: readonly string[],
): Promise<{ typed: Typed[]; failed: string[] }> {
  const windows: Array<{ q: string; from: number; to: number; latencyMs: number }> = []
  const failed: string[] = []
  for (const q of queries) {
    await box.selectText()
    const from = await page.evaluate(arm, { q, page: kind, timeout: ANSWER_TIMEOUT_MS })
    await page.keyboard.type(q, { delay: KEY_DELAY_MS })
    try {
      const answer: unknown = await page.evaluate(() => Reflect.get(window, '__typingAnswer'))
      if (!isAnswer(answer)) throw new Error(`unexpected answer from the page for "${q}"`)
      windows.push({ q, from, to: answer.at, latencyMs: answer.at - answer.lastKey })
    } catch (error) {
      failed.push(`${q}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const events = await eventEntries(page)
  const typed = windows.map(({ q, from, to, latencyMs }) => {
    const during = events.filter((e) => e.start >= from && e.start <= to)
    return {
      q,
      latencyMs,
      maxEventMs: Math.max(0, ...during.map((e) => e.duration)),
      maxHandledMs: Math.max(0, ...during.map((e) => e.handled)),
    }
  })
  return { typed, failed }
}

/** A digest of a corpus folder's listing (names, sizes, times): the anchors are built from it. */
export function corpusStamp(corpusDir: string): string {
  const hash = createHash('sha256')
  for (const name of readdirSync(corpusDir).sort()) {
    const stat = statSync(join(corpusDir, name))
    hash.update(`${name}\0${stat.size}\0${stat.mtimeMs}\0`)
  }
  return hash.digest('hex')
}

/**
 * The anchors' typing page, written into their folder beside their indexes: a search box and a
 * results list. On each input the engine searches the box's text (MiniSearch: its whole index
 * loaded in memory; Pagefind: its API, which loads the index chunks a word needs), and the list
 * shows the first ten titles with `data-query` set to the text they are for; an answer that
 * arrives after a later keystroke's is dropped. `engine` and the MiniSearch options come in the
 * page's URL and a JSON file.
 */
export function writeTypingPage(
  anchorsDir: string,
  miniSearch: { options: unknown; search: unknown },
): void {
  writeFileSync(join(anchorsDir, 'typing-options.json'), JSON.stringify(miniSearch))
  writeFileSync(
    join(anchorsDir, 'typing.html'),
    `<!doctype html>
<html lang="en">
<title>Typing</title>
<label>Search <input id="q" type="search" autocomplete="off"></label>
<ol id="results"></ol>
<script type="module" src="/typing.js"></script>
</html>
`,
  )
  writeFileSync(
    join(anchorsDir, 'typing.js'),
    `const engine = new URLSearchParams(location.search).get('engine')
const box = document.getElementById('q')
const list = document.getElementById('results')
const SHOWN = 10
let search
if (engine === 'minisearch') {
  const { default: MiniSearch } = await import('/minisearch.js')
  const options = await (await fetch('/typing-options.json')).json()
  const index = MiniSearch.loadJSON(await (await fetch('/minisearch-index.json')).text(), options.options)
  search = async (q) =>
    index.search(q, options.search).slice(0, SHOWN).map((r) => ({ url: '/articles/' + r.id, title: r.title }))
} else {
  const pagefind = await import('/pagefind/pagefind.js')
  await pagefind.init()
  search = async (q) => {
    const found = await pagefind.search(q)
    const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()))
    return data.map((d) => ({ url: d.url, title: d.meta.title ?? d.url }))
  }
}
let latest = 0
box.addEventListener('input', async () => {
  const q = box.value
  const n = ++latest
  const hits = q.trim() === '' ? [] : await search(q)
  if (n !== latest) return
  list.replaceChildren(
    ...hits.map((hit) => {
      const item = document.createElement('li')
      const link = document.createElement('a')
      link.href = hit.url
      link.textContent = hit.title
      item.append(link)
      return item
    }),
  )
  list.dataset.query = q
})
document.documentElement.dataset.ready = 'true'
`,
  )
}
