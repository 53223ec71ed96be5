/**
 * Who has the page: its HTML alone, or the app. One attribute on <html>, `data-app-ready`, read
 * by the app's start (`src/app/start/start.tsx`), the search page's early script
 * (`src/app/start/search-early.ts`), the end-to-end tests and the benchmarks:
 *
 * - absent: the page is its HTML; the early script may draw a shared link's results into it;
 * - "false": the app has started rendering the page, and nothing else draws into it from now on;
 * - "true": the app has rendered the page, and its links and buttons work (tests wait for it).
 *
 * It lives in lib/ because both entries of the build import it: lib's modules form the chunk the
 * app and the early script share, so the two read one copy of this module.
 */

/** What tests and benchmarks wait for before they click. */
export const APP_READY_SELECTOR = 'html[data-app-ready="true"]'

/** For the app, as it starts rendering (hydrating, or rendering anew): the page is the app's. */
export function takePage(doc: Document): void {
  doc.documentElement.dataset.appReady = 'false'
}

/** For the app, once its first render is on screen. */
export function markAppReady(doc: Document): void {
  doc.documentElement.dataset.appReady = 'true'
}

/** Whether the app has the page (is rendering it, or has). */
export function appHasPage(doc: Document): boolean {
  return doc.documentElement.dataset.appReady !== undefined
}

/**
 * For the early script, on the search view it drew a shared link's results into. The app, taking
 * the page, keeps them on screen until its first render can show them again.
 */
export function markEarlyDrawn(section: HTMLElement): void {
  section.dataset.earlyResults = 'true'
}

export function earlyDrawn(root: ParentNode): boolean {
  return root.querySelector('[data-early-results="true"]') !== null
}
