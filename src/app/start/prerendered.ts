import type { DehydratedState } from '@tanstack/react-query'
import type { HydrationState } from 'react-router-dom'

/**
 * The state a prerendered page was rendered with, embedded as JSON (not as a script that runs, so
 * a strict Content Security Policy holds): the path it is for, the query cache and the router's
 * loader data. With it the app hydrates the HTML as is, without fetching what the page holds.
 */
export type PrerenderedState = {
  path: string
  queries: DehydratedState
  router: HydrationState
}

export const PRERENDERED_STATE_ID = 'prerendered-state'

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function isPrerenderedState(v: unknown): v is PrerenderedState {
  return (
    isObj(v) &&
    typeof v.path === 'string' &&
    isObj(v.queries) &&
    Array.isArray(v.queries.queries) &&
    Array.isArray(v.queries.mutations) &&
    isObj(v.router) &&
    isObj(v.router.loaderData)
  )
}

/**
 * The page's prerendered state when it was rendered for this very URL. A host answers `/?page=3`
 * with the prerendered `/`: then the markup is not this page's, and the app renders from scratch.
 */
export function readPrerenderedState(doc: Document, path: string): PrerenderedState | null {
  const script = doc.getElementById(PRERENDERED_STATE_ID)
  if (!script?.textContent) return null
  try {
    const state: unknown = JSON.parse(script.textContent)
    return isPrerenderedState(state) && state.path === path ? state : null
  } catch {
    return null
  }
}

/**
 * The app's path of a location's pathname: the site's sub-path (BASE_PATH, the router's basename)
 * taken off, as the prerender names its pages. `/news/` under `/news` is `/`.
 */
export function appPath(pathname: string, basename: string): string {
  if (basename === '/' || basename === '') return pathname
  if (pathname === basename) return '/'
  return pathname.startsWith(`${basename}/`) ? pathname.slice(basename.length) : pathname
}

/** JSON that can stand inside a <script> element: no `</script>`, no `<!--`. */
export function serializeState(state: PrerenderedState): string {
  return JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
