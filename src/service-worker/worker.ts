/**
 * The service worker (built into `sw.js` by scripts/site/plugins/service-worker.ts), so the reader
 * starts offline after one visit and opens the articles already read:
 *
 * - install: precaches this build's shell.html, hashed assets, icons and first data files into a
 *   cache named by the build's hash; fails, and so never activates, if any of them fails or the
 *   shell is another deployment's.
 * - activate: deletes other builds' caches and other corpus versions' data, takes control of open
 *   pages, and saves them (the first visit loaded them before the worker existed).
 * - pages: network first; saved when they belong to this build; offline, the saved page for the
 *   URL, else the shell (the app then renders and says what needs a connection).
 * - data (`data/<version>/`, content-hashed): cache first, saved as they are fetched, bounded.
 * - everything else in scope: from the precache, else the network.
 *
 * No skipWaiting: a new build's worker waits until every tab of the old one has closed, so a page
 * is always served by the one build it started with (the old worker keeps serving old tabs, from
 * its own cache). Updates apply on the next visit after those tabs close.
 */
import { build } from 'virtual:service-worker-build'
import {
  articleDataUrl,
  belongsToBuild,
  cacheNames,
  classify,
  isOtherDataVersion,
  MAX_DATA_FILES,
  MAX_PAGES,
  obsoleteCaches,
  overflow,
  SHELL_PATH,
} from './cache-plan'

// The few service worker types this file uses (the project compiles against the DOM library).
type ExtendableEvent = Event & { waitUntil(promise: Promise<unknown>): void }
type FetchEvent = ExtendableEvent & {
  readonly request: Request
  respondWith(response: Promise<Response>): void
}
type ServiceWorkerScope = {
  readonly registration: ServiceWorkerRegistration
  readonly clients: {
    claim(): Promise<void>
    matchAll(options: {
      type: 'window'
      includeUncontrolled: boolean
    }): Promise<readonly { readonly url: string }[]>
  }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
}
declare const self: ServiceWorkerScope

const scope = new URL(self.registration.scope)
const names = cacheNames(build.version)
const precached = new Set(build.precache)
const shellUrl = new URL(SHELL_PATH, scope).href
const match = { ignoreVary: true }

self.addEventListener('install', (event) => {
  event.waitUntil(precache())
})

self.addEventListener('activate', (event) => {
  event.waitUntil(activate())
})

self.addEventListener('fetch', (event) => {
  const { request } = event
  const kind = classify(new URL(request.url), request, scope)
  if (kind === null) return
  if (kind === 'navigation') event.respondWith(navigate(event))
  else if (kind === 'data') event.respondWith(cacheFirstData(event))
  else event.respondWith(fromPrecache(request))
})

async function precache(): Promise<void> {
  try {
    const fetched = await Promise.all(
      build.precache.map(async (path) => {
        const url = new URL(path, scope).href
        // Revalidated, so the HTTP cache never hands back a file of an earlier deployment.
        const response = await fetch(url, { cache: 'no-cache' })
        if (!response.ok) throw new Error(`${url} answered ${response.status}`)
        return { url, response }
      }),
    )
    const shell = fetched.find((file) => file.url === shellUrl)
    if (!shell) throw new Error(`${SHELL_PATH} is not in the precache list`)
    if (!belongsToBuild(await shell.response.clone().text(), scope, precached)) {
      throw new Error(`${shellUrl} names scripts of another deployment`)
    }
    const cache = await caches.open(names.precache)
    await Promise.all(fetched.map(({ url, response }) => cache.put(url, response)))
  } catch (error) {
    await caches.delete(names.precache)
    throw error
  }
}

async function activate(): Promise<void> {
  const obsolete = obsoleteCaches(await caches.keys(), build.version)
  await Promise.all(obsolete.map((name) => caches.delete(name)))
  const data = await caches.open(names.data)
  let staleFiles = 0
  for (const request of await data.keys()) {
    if (!isOtherDataVersion(request.url, scope, build.dataVersion)) continue
    await data.delete(request)
    staleFiles += 1
  }
  if (obsolete.length > 0 || staleFiles > 0) {
    console.warn(
      `Service worker ${build.version}: discarded the caches of other builds (${obsolete.join(', ') || 'none'}) and ${staleFiles} data files of other corpus versions.`,
    )
  }
  await self.clients.claim()
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  await Promise.all(
    windows.map(async ({ url }) => {
      if (classify(new URL(url), { method: 'GET', mode: 'navigate' }, scope) === null) return
      try {
        const response = await fetch(url)
        if (response.ok) await savePage(url, response)
      } catch {
        // Offline already: the page is saved on the next visit.
      }
    }),
  )
}

async function navigate(event: FetchEvent): Promise<Response> {
  const { request } = event
  try {
    const response = await fetch(request)
    if (response.ok) event.waitUntil(savePage(request.url, response.clone()).catch(ignore))
    return response
  } catch (error) {
    const pages = await caches.open(names.pages)
    const shell = await caches.open(names.precache)
    const saved = (await pages.match(request.url, match)) ?? (await shell.match(shellUrl, match))
    if (saved) return saved
    throw error
  }
}

/** Keeps a page of this build for offline reading, and an article page's data with it. */
async function savePage(url: string, response: Response): Promise<void> {
  if (!response.headers.get('Content-Type')?.startsWith('text/html')) return
  if (!belongsToBuild(await response.clone().text(), scope, precached)) return
  await putBounded(names.pages, url, response, MAX_PAGES)
  // A prerendered article carries its data in the page: fetch it too, so that a client-side
  // navigation to the article opens offline as well.
  const dataUrl = articleDataUrl(url, scope, build.dataVersion)
  if (dataUrl === null) return
  const data = await caches.open(names.data)
  if (await data.match(dataUrl, match)) return
  await saveData(dataUrl, await fetch(dataUrl))
}

/** Keeps a data file that arrived whole: a JSON file is saved only if it parses. */
async function saveData(url: string, response: Response): Promise<void> {
  if (!response.ok || response.type !== 'basic') return
  if (new URL(url).pathname.endsWith('.json')) {
    try {
      JSON.parse(await response.clone().text())
    } catch {
      return
    }
  }
  await putBounded(names.data, url, response, MAX_DATA_FILES)
}

/** Saving for offline reading is best effort (the storage quota may refuse): never a failure. */
function ignore(): void {}

async function cacheFirstData(event: FetchEvent): Promise<Response> {
  const { request } = event
  const data = await caches.open(names.data)
  const saved =
    (await data.match(request.url, match)) ??
    (await (await caches.open(names.precache)).match(request.url, match))
  if (saved) return saved
  const response = await fetch(request)
  event.waitUntil(saveData(request.url, response.clone()).catch(ignore))
  return response
}

async function fromPrecache(request: Request): Promise<Response> {
  const cache = await caches.open(names.precache)
  return (await cache.match(request.url, match)) ?? fetch(request)
}

/** Stores a response, then drops the oldest entries past the bound. */
async function putBounded(name: string, url: string, response: Response, max: number) {
  const cache = await caches.open(name)
  await cache.put(url, response)
  for (const key of overflow(await cache.keys(), max)) await cache.delete(key)
}
