/**
 * The handshake between the search page's early script (`src/search-early.ts`) and the app's
 * start (`src/main.tsx`), through the page itself so that neither loads the other's code: the
 * app claims the page before it renders anew, and the early script draws nothing after that; the
 * early script marks the results it drew, and the app then keeps them on screen until its first
 * render can show them again.
 */

/** For the app, as it starts rendering anew: the early script draws nothing from now on. */
export function claimPage(doc: Document): void {
  doc.documentElement.dataset.appRendering = 'true'
}

export function pageClaimed(doc: Document): boolean {
  return doc.documentElement.dataset.appRendering === 'true'
}

/** For the early script, on the search view it drew the results into. */
export function markEarlyDrawn(section: HTMLElement): void {
  section.dataset.earlyResults = 'true'
}

export function earlyDrawn(root: ParentNode): boolean {
  return root.querySelector('[data-early-results="true"]') !== null
}
