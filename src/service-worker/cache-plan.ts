/**
 * The service worker's decisions, as plain functions the unit tests drive: which requests it
 * handles and how, which caches belong to this build, and whether a page belongs to it.
 * (worker.ts wires them to the worker's events.)
 */
import { ARTICLE_ID_PATTERN, dataPaths } from '@/lib/corpus/compiled'

/** What the build tells the worker (scripts/site/plugins/service-worker.ts writes it in). */
export type ServiceWorkerBuild = {
  /** A hash of every precached file: names this build's caches. */
  version: string
  /** The corpus data version: the `data/<version>/` folder this build reads. */
  dataVersion: string
  /** Paths relative to the site's base: the shell, the hashed assets, icons, the first data. */
  precache: string[]
}

export const CACHE_PREFIX = 'newsreader-'
export const SHELL_PATH = 'shell.html'
/** Pages kept for offline reading (each an article's or a list's prerendered HTML). */
export const MAX_PAGES = 60
/** Data files kept for offline reading (articles, list pages, search index shards). */
export const MAX_DATA_FILES = 600

export type CacheNames = { precache: string; pages: string; data: string }

/**
 * The precache and the saved pages belong to one build: a page references that build's scripts.
 * The data cache is shared by builds; its files are named by their content's hash.
 */
export function cacheNames(version: string): CacheNames {
  return {
    precache: `${CACHE_PREFIX}precache-${version}`,
    pages: `${CACHE_PREFIX}pages-${version}`,
    data: `${CACHE_PREFIX}data`,
  }
}

/** The caches of other builds (ours only: names with our prefix), deleted once this one runs. */
export function obsoleteCaches(existing: readonly string[], version: string): string[] {
  const current = new Set(Object.values(cacheNames(version)))
  return existing.filter((name) => name.startsWith(CACHE_PREFIX) && !current.has(name))
}

export type RequestKind = 'navigation' | 'data' | 'static'

/** How the worker answers a request, or null to leave it to the network. */
export function classify(
  url: URL,
  request: { method: string; mode: string },
  scope: URL,
): RequestKind | null {
  if (request.method !== 'GET') return null
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return null
  if (request.mode === 'navigate') return 'navigation'
  return url.pathname.slice(scope.pathname.length).startsWith('data/') ? 'data' : 'static'
}

/** A data file of another corpus version: never read again by this build. */
export function isOtherDataVersion(url: string, scope: URL, dataVersion: string): boolean {
  const path = new URL(url).pathname
  const data = `${scope.pathname}data/`
  return path.startsWith(data) && !path.startsWith(`${data}${dataVersion}/`)
}

/**
 * Whether an HTML page belongs to this build: every script and stylesheet under `assets/` it
 * names is one this build precached. A page of another deployment is never saved, so an offline
 * start never mixes its scripts with this build's.
 */
export function belongsToBuild(html: string, scope: URL, precache: ReadonlySet<string>): boolean {
  const assets = `${scope.pathname}assets/`
  for (const match of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) {
    const value = match[1] ?? ''
    if (!value.startsWith(assets)) continue
    if (!precache.has(value.slice(scope.pathname.length))) return false
  }
  return true
}

/** The data file of the article a page URL shows (`articles/<id>/<slug>`), else null. */
export function articleDataUrl(url: string, scope: URL, dataVersion: string): string | null {
  const path = new URL(url).pathname
  if (!path.startsWith(scope.pathname)) return null
  const match = /^articles\/([^/]+)(?:\/[^/]*)?$/.exec(path.slice(scope.pathname.length))
  const id = match?.[1]?.replace(/\.html$/, '')
  if (id === undefined || !ARTICLE_ID_PATTERN.test(id)) return null
  return new URL(`data/${dataVersion}/${dataPaths.article(id)}`, scope).href
}

/** The oldest entries to drop so that a cache holds at most `max` (caches list oldest first). */
export function overflow<T>(keys: readonly T[], max: number): T[] {
  return keys.slice(0, Math.max(0, keys.length - max))
}
