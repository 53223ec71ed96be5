/**
 * The search page's second script, beside the app's: for a shared link (`/search?q=...`) it starts
 * the search at once, so the query's index files download while the app's code does, and the app
 * takes the search over when its results view asks for it (`search-engine-client.ts`). Without it
 * the index's three levels (term, document, long-article files) wait for the app, one after the
 * other. When the results arrive before the app has the page, it draws them in place of the
 * prerendered latest articles (`early-draw.ts`), which the page's head script has hidden since the
 * first paint (`page-check.ts`), and shows them; the app renders them again as they are. It
 * loads nothing of React's, the router's or the query cache's. A second input of the build
 * (scripts/site/startup/entries.ts); the prerender puts it in search.html.
 */
import { prepareSearch, startSearchEarly } from '@/features/search/api/search-engine-client'
import { readSearchParams, RESULTS_PAGE } from '@/features/search/utils/search-params'
import { appHasPage, markEarlyDrawn } from '@/lib/page-handover'
import { drawSearchResults } from './early-draw'
import { clearMismatch } from './page-check'

// The index root the page preloads is read whatever the query: one without words (only
// punctuation) searches for nothing, and the preload would go unused.
prepareSearch()
const state = readSearchParams(new URLSearchParams(window.location.search))
// The prerendered view; once the app renders the page this node is gone, and nothing is drawn.
const section = document.querySelector<HTMLElement>('#root .search-view')
if (state.q.trim() !== '') {
  startSearchEarly({ ...state, limit: RESULTS_PAGE }, (result) => {
    if (section?.isConnected !== true || appHasPage(document)) return
    drawSearchResults(section, import.meta.env.BASE_URL.replace(/\/$/, ''), result, state)
    markEarlyDrawn(section)
    // The view is the query's now: the prerendered latest articles, hidden since the first paint
    // (page-check.ts), are gone.
    clearMismatch(document)
    const box = document.getElementById('site-search')
    if (box instanceof HTMLInputElement && box.value === '' && document.activeElement !== box) {
      box.value = state.q
    }
  })
}
