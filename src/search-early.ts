/**
 * The search page's second script, beside the app's: for a shared link (`/search?q=...`) it starts
 * the search at once, so the query's index files download while the app's code does, and the app
 * takes the search over when its results view asks for it (`search-engine-client.ts`). Without it
 * the index's three levels (term, document, long-article files) wait for the app, one after the
 * other. It loads nothing of React's, the router's or the query cache's.
 */
import { prepareSearch, startSearchEarly } from '@/features/search/api/search-engine-client'
import { readSearchParams, RESULTS_PAGE } from '@/features/search/utils/search-params'

// The index root the page preloads is read whatever the query: one without words (only
// punctuation) searches for nothing, and the preload would go unused.
prepareSearch()
const state = readSearchParams(new URLSearchParams(window.location.search))
if (state.q.trim() !== '') startSearchEarly({ ...state, limit: RESULTS_PAGE })
