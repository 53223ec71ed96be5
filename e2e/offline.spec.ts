/**
 * Offline reading through the service worker, with the browser's network cut by Playwright's
 * offline mode. The rest of the suite blocks the worker (it would hide their page.route faults);
 * these tests let it run, and wait for it to control the page before they cut the network.
 */
import {
  cpSync,
  createReadStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { articlePath, byNightOwlWire, corpus, newest, secondNewest, site } from './corpus'
import type { BrowserContext } from '@playwright/test'
import { expect, test, type Page } from './fixtures'

test.use({ serviceWorkers: 'allow' })
// Each test installs the worker afresh (a new browser context) before its offline steps.
test.describe.configure({ timeout: 60_000 })

/** What Chromium logs for a request that fails with the network cut, and the worker's refusal. */
const OFFLINE_CONSOLE = [
  /Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED)/,
  /The FetchEvent for ".*" resulted in a network error response/,
  /Failed to fetch/,
]

const OFFLINE_NOTICE = /^You are offline\. Pages and articles you have already opened still work/

/** Waits until the service worker has installed, activated and taken control of the page. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'))
    .toBe('activated')
}

/** An article link on the list, by its title. */
const articleLink = (page: Page, title: string) =>
  page.getByRole('article').getByRole('link', { name: title, exact: true })

test('after one visit, the home page starts offline', async ({ page, context, allowConsole }) => {
  allowConsole(...OFFLINE_CONSOLE)
  await page.goto('/')
  await waitForServiceWorker(page)

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news')
  await expect(page.getByRole('article')).toHaveCount(corpus.pageSize)
  await expect(articleLink(page, newest.title)).toBeVisible()
})

test('an article read online opens offline, by a link and by its URL', async ({
  page,
  context,
  allowConsole,
}) => {
  allowConsole(...OFFLINE_CONSOLE)
  await page.goto('/')
  await waitForServiceWorker(page)
  await articleLink(page, secondNewest.title).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondNewest.title)
  await page.getByRole('link', { name: site.name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news')

  await context.setOffline(true)
  await articleLink(page, secondNewest.title).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondNewest.title)
  await expect(page.getByRole('navigation', { name: 'More articles' })).toBeVisible()

  // A fresh load of its URL: the worker answers with the shell, the app with the saved data.
  await page.goto(articlePath(secondNewest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondNewest.title)
})

test('the article the first visit landed on opens offline, by its URL and by a link', async ({
  page,
  context,
  allowConsole,
}) => {
  allowConsole(...OFFLINE_CONSOLE)
  // Loaded before the worker existed: the worker saves the open page, and its data, on activation.
  await page.goto(articlePath(newest))
  await waitForServiceWorker(page)

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
  await page.getByRole('link', { name: site.name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news')
  await articleLink(page, newest.title).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
})

test('an article not read before says, offline, that it needs a connection', async ({
  page,
  context,
  allowConsole,
}) => {
  allowConsole(...OFFLINE_CONSOLE)
  await page.goto('/')
  await waitForServiceWorker(page)
  await context.setOffline(true)

  const alert = page.getByRole('alert')
  await articleLink(page, byNightOwlWire.title).click()
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText('You are offline')
  await expect(alert).toContainText(
    'This article has not been saved for offline reading. Connect to the internet to read it.',
  )

  await page.goto(articlePath(byNightOwlWire))
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText('You are offline')

  // Back online, Retry opens it.
  await context.setOffline(false)
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(byNightOwlWire.title)
})

test('a notice shows while the network is down, and goes when it is back', async ({
  page,
  context,
}) => {
  await page.goto('/')
  const notice = page.getByText(OFFLINE_NOTICE)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news')
  await expect(notice).toHaveCount(0)

  await context.setOffline(true)
  await expect(notice).toBeVisible()
  await context.setOffline(false)
  await expect(notice).toHaveCount(0)
})

/** The width and height a PNG file declares in its IHDR chunk. */
function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('latin1'), 'a PNG signature').toBe('PNG')
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`
}

test('the web app manifest is linked from every page and makes the app installable', async ({
  page,
  request,
}) => {
  // Every kind of page the build writes names it: prerendered, shell, and the short-URL redirect.
  const pages = ['/', articlePath(newest), '/sources/night-owl-wire', '/shell.html']
  for (const path of [...pages, `/articles/${newest.id}.html`]) {
    const html = await (await request.get(path)).text()
    expect(html, path).toContain('<link rel="manifest" href="/manifest.webmanifest" />')
  }

  await page.goto('/')
  const href = await page.locator('link[rel="manifest"]').getAttribute('href')
  const manifestUrl = new URL(href ?? '', page.url())
  const response = await request.get(manifestUrl.href)
  await expect(response).toBeOK()
  const manifest: unknown = await response.json()
  expect(manifest).toMatchObject({
    name: site.name,
    short_name: site.name,
    start_url: './',
    display: 'standalone',
    icons: expect.any(Array),
  })
  const icons =
    typeof manifest === 'object' && manifest !== null && 'icons' in manifest ? manifest.icons : null
  const sizes: string[] = []
  for (const icon of Array.isArray(icons) ? icons : []) {
    expect(icon).toMatchObject({ src: expect.any(String), type: expect.any(String) })
    const file = await request.get(new URL(icon.src, manifestUrl).href)
    await expect(file, icon.src).toBeOK()
    expect(file.headers()['content-type']).toBe(icon.type)
    if (icon.type === 'image/png') {
      expect(pngSize(await file.body()), icon.src).toBe(icon.sizes)
      sizes.push(icon.sizes)
    }
  }
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']))
  expect(icons).toEqual(
    expect.arrayContaining([expect.objectContaining({ type: 'image/svg+xml' })]),
  )
})

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
}

/**
 * A copy of the built site, served from its own port, that a test can redeploy under the open
 * tab. (Paths only as they are, and `/` as index.html: what the update test opens.)
 */
async function deployCopy(): Promise<{ dir: string; origin: string; server: Server }> {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const dir = mkdtempSync(join(tmpdir(), 'newsreader-deploy-'))
  cpSync(join(root, process.env.E2E_DIST ?? 'e2e/.dist'), dir, { recursive: true })
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const file = join(dir, path === '/' ? 'index.html' : path)
    if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port to serve on')
  return { dir, origin: `http://127.0.0.1:${address.port}`, server }
}

/**
 * The states of the registration's waiting and active workers, asked in the newest worker that
 * still answers; `null` for one it does not have. Once the waiting worker has become the active
 * one: `{ waiting: null, active: 'activated' }`.
 */
async function registrationWorkers(
  context: BrowserContext,
): Promise<{ waiting: string | null; active: string | null } | null> {
  for (const worker of context.serviceWorkers().reverse()) {
    try {
      return await worker.evaluate(() => {
        const registration = 'registration' in self ? self.registration : null
        if (!(registration instanceof ServiceWorkerRegistration)) return null
        return {
          waiting: registration.waiting?.state ?? null,
          active: registration.active?.state ?? null,
        }
      })
    } catch {
      // A worker that has been replaced and stopped.
    }
  }
  return null
}

const cacheKeys = (page: Page) => page.evaluate(() => caches.keys())
const waitingState = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration()
    return registration?.waiting?.state ?? 'none'
  })

test("an update waits while a tab of the old build is open, then replaces the old build's files", async ({
  context,
  page,
  allowConsole,
}) => {
  // The new worker says what it discarded.
  allowConsole(...OFFLINE_CONSOLE, /^Service worker [0-9a-f]{16}: discarded the caches of other/)
  const warnings: string[] = []
  context.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text())
  })
  const deploy = await deployCopy()
  try {
    await page.goto(`${deploy.origin}/`)
    await waitForServiceWorker(page)
    const [oldPrecache] = (await cacheKeys(page)).filter((n) =>
      n.startsWith('newsreader-precache-'),
    )
    const oldVersion = oldPrecache?.slice('newsreader-precache-'.length) ?? ''
    expect(oldVersion).toMatch(/^[0-9a-f]{16}$/)
    // A data file of a corpus version that is gone, saved by an earlier build.
    await page.evaluate(() =>
      caches
        .open('newsreader-data')
        .then((c) => c.put('/data/0ld/manifest.json', new Response('{}'))),
    )

    // The next deployment: a new worker build, found when the tab checks for one.
    const newVersion = 'feedfacefeedface'
    const worker = join(deploy.dir, 'sw.js')
    writeFileSync(worker, readFileSync(worker, 'utf8').replaceAll(oldVersion, newVersion))
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.ready).update()
    })
    await expect.poll(() => waitingState(page)).toBe('installed')
    expect(await cacheKeys(page)).toEqual(
      expect.arrayContaining([
        `newsreader-precache-${oldVersion}`,
        `newsreader-precache-${newVersion}`,
      ]),
    )

    // The open tab keeps its own build, offline too: the new worker waits.
    await context.setOffline(true)
    await page.reload()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news')
    expect(await waitingState(page)).toBe('installed')
    await context.setOffline(false)

    // Once the old build's last tab has closed, the next visit runs the new build alone.
    const next = await context.newPage()
    await page.close()
    // Asked of the workers themselves: a page opened before the switch would be the old one's.
    await expect
      .poll(() => registrationWorkers(context))
      .toEqual({ waiting: null, active: 'activated' })
    await next.goto(`${deploy.origin}/`)
    await expect
      .poll(async () => (await cacheKeys(next)).sort())
      .toEqual([
        'newsreader-data',
        `newsreader-pages-${newVersion}`,
        `newsreader-precache-${newVersion}`,
      ])
    expect(await waitingState(next)).toBe('none')
    const dataFiles = await next.evaluate(async () =>
      (await (await caches.open('newsreader-data')).keys()).map((r) => new URL(r.url).pathname),
    )
    expect(dataFiles).not.toContain('/data/0ld/manifest.json')
    expect(warnings).toContainEqual(
      `Service worker ${newVersion}: discarded the caches of other builds (newsreader-precache-${oldVersion}, newsreader-pages-${oldVersion}) and 1 data files of other corpus versions.`,
    )
    await expect(next.getByRole('heading', { level: 1 })).toHaveText('Latest news')
  } finally {
    deploy.server.close()
    rmSync(deploy.dir, { recursive: true, force: true })
  }
})
