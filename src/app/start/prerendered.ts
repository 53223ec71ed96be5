import type { DehydratedState } from '@tanstack/react-query'
import type { HydrationState } from 'react-router-dom'
import type { RelatedLink } from '@/lib/corpus/compiled'
import { parseShownDate } from '@/lib/format'

/**
 * The state a prerendered page was rendered with, embedded as JSON (not as a script that runs, so
 * a strict Content Security Policy holds): the path it is for, the query cache and the router's
 * loader data. With it the app hydrates the HTML as is, without fetching what the page holds.
 */
export type PrerenderedState = {
  path: string
  queries: DehydratedState
  router: HydrationState
  /**
   * On an article's page, the article's paragraphs (and, when set, its related stories) are left
   * out of its query's data, since the page holds them already (`.article-body > p`, `.related
   * li`): without a second copy a long story's page is half the bytes, and gzip (a 32 KiB window)
   * no longer sees them twice. The query's hash, and how many of each to take back from the page.
   */
  textInPage?: { queryHash: string; paragraphs: number; related?: number }
}

/** The article body's paragraphs in the prerendered markup (ArticleView). */
const PARAGRAPHS_IN_PAGE = '#root .article-body > p'
/** The related stories in the prerendered markup (RelatedStories). */
const RELATED_IN_PAGE = '#root .related li'

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
    isObj(v.router.loaderData) &&
    (v.textInPage === undefined ||
      (isObj(v.textInPage) &&
        typeof v.textInPage.queryHash === 'string' &&
        typeof v.textInPage.paragraphs === 'number' &&
        (v.textInPage.related === undefined || typeof v.textInPage.related === 'number')))
  )
}

/**
 * The state with the article's paragraphs and related stories taken back from the page, or null
 * when the page does not hold them as the state says (then the app renders anew, from the
 * article's data file).
 */
function withTextFromPage(doc: Document, state: PrerenderedState): PrerenderedState | null {
  const { textInPage } = state
  if (!textInPage) return state
  const paragraphs = Array.from(doc.querySelectorAll(PARAGRAPHS_IN_PAGE), (p) => p.textContent)
  const query = state.queries.queries.find((q) => q.queryHash === textInPage.queryHash)
  const data: unknown = query?.state.data
  if (!query || !isObj(data) || paragraphs.length !== textInPage.paragraphs) return null
  let text: { paragraphs: string[]; related?: RelatedLink[] } = { paragraphs }
  // Related stories the state kept itself stay as they are.
  if (textInPage.related !== undefined) {
    const related = Array.from(doc.querySelectorAll(RELATED_IN_PAGE), relatedFromPage)
    const read = related.filter((link) => link !== null)
    if (read.length !== related.length || read.length !== textInPage.related) return null
    text = { paragraphs, related: read }
  }
  const queries = state.queries.queries.map((q) =>
    q === query ? { ...q, state: { ...q.state, data: { ...data, ...text } } } : q,
  )
  return { ...state, queries: { ...state.queries, queries } }
}

/**
 * A related story as its list item shows it: the link's path gives the id and slug, its text the
 * title, and the line under it the source and the day (one line of text each; a lone one is the
 * date when it reads as one). Rendered again, it gives the same markup.
 */
function relatedFromPage(item: Element): RelatedLink | null {
  const link = item.querySelector('a')
  const path = /\/articles\/([^/?#]+)(?:\/([^/?#]+))?$/.exec(link?.getAttribute('href') ?? '')
  if (!link || !path?.[1]) return null
  const shown = Array.from(item.querySelectorAll('.meta > span'), (span) => span.textContent)
  const date = shown.length > 0 ? parseShownDate(shown.at(-1) ?? '') : null
  const source = shown.length === 2 || (shown.length === 1 && date === null) ? shown[0] : null
  return {
    id: decodeURIComponent(path[1]),
    slug: path[2] === undefined ? '' : decodeURIComponent(path[2]),
    title: link.textContent,
    source: source ?? null,
    date,
  }
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
    return isPrerenderedState(state) && state.path === path ? withTextFromPage(doc, state) : null
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

/**
 * Whether the page's markup gives a paragraph back exactly as written: the HTML parser turns
 * carriage returns into line feeds, drops NUL, and a lone surrogate cannot be written as UTF-8.
 */
export function survivesMarkup(paragraph: string): boolean {
  return !/[\r\0]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(
    paragraph,
  )
}

/** JSON that can stand inside a <script> element: no `</script>`, no `<!--`. */
export function serializeState(state: PrerenderedState): string {
  return JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
