/**
 * Faults injected into the data a view needs: a list page's file, an article's file and a search
 * index shard, each answering 404 or 500, never answering, arriving truncated, or arriving as an
 * HTML page. The view says what failed, offers a Retry that works once the fault is gone, never
 * spins forever, and the rest of the app keeps working.
 */
import type { Route } from '@playwright/test'
import { fundingSearch, newest, sources } from './corpus'
import { NOT_FOUND_RESPONSE, expect, test, type Page } from './fixtures'

/** The app's bounds (src/lib/fetch-json.ts, src/app/query-client.ts), written out as the spec. */
const FETCH_TIMEOUT_MS = 10_000
const MAX_RETRIES = 2
const ATTEMPTS = 1 + MAX_RETRIES

const SERVER_ERROR = /Failed to load resource: the server responded with a status of 500/

type Fault = {
  name: string
  /** Answers the intercepted request; `hold` never answers it. */
  answer: ((route: Route) => Promise<void>) | 'hold'
  /** How many times one file is asked for before the view gives up. */
  attempts: number
  /** What the view says went wrong; null when the view is the not-found one. */
  listDetail: string | null
  searchDetail: string
  console?: RegExp
}

/** The real file, cut in half, as a connection that dropped mid-body. */
async function truncated(route: Route) {
  const response = await route.fetch()
  const body = await response.body()
  await route.fulfill({
    status: 200,
    contentType: response.headers()['content-type'],
    body: body.subarray(0, Math.floor(body.length / 2)),
  })
}

const faults: Fault[] = [
  {
    name: '404',
    answer: (route) => route.fulfill({ status: 404, body: 'Not found' }),
    attempts: 1,
    listDetail: null,
    searchDetail: 'the server answered 404',
    console: NOT_FOUND_RESPONSE,
  },
  {
    name: '500',
    answer: (route) => route.fulfill({ status: 500, body: 'Internal Server Error' }),
    attempts: ATTEMPTS,
    listDetail: 'The server answered 500 for data this page needs.',
    searchDetail: 'the server answered 500',
    console: SERVER_ERROR,
  },
  {
    name: 'a timeout',
    answer: 'hold',
    attempts: ATTEMPTS,
    listDetail: 'The server did not answer in time with the data this page needs.',
    searchDetail: 'the server did not answer in time',
  },
  {
    name: 'truncated content',
    answer: truncated,
    attempts: ATTEMPTS,
    listDetail: 'The data for this page arrived damaged.',
    searchDetail: 'what arrived was damaged',
  },
  {
    // A host's fallback page in a data file's place (status 200): the file is missing, as a 404
    // says (#22), not damaged; truncated JSON above still is.
    name: 'an HTML page instead of data',
    answer: (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!doctype html><title>Oops</title><p>Something went wrong</p>',
      }),
    attempts: 1,
    listDetail: null,
    searchDetail: 'the server answered 404',
  },
]

type Target = {
  name: string
  /** The files the fault is injected into. */
  files: string
  /** Opens the view so that it asks for those files. */
  open: (page: Page) => Promise<void>
  /** The view with its data: after Retry once the fault is gone. */
  expectContent: (page: Page) => Promise<void>
  kind: 'route' | 'search'
}

const targets: Target[] = [
  {
    name: 'a list page',
    files: '**/data/*/pages/2.json',
    // Not prerendered: the host answers it with the home page's HTML and the app loads page 2.
    open: async (page) => {
      await page.goto('/?page=2')
    },
    expectContent: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news · page 2')
      await expect(page.getByRole('main').getByRole('article')).toHaveCount(30)
    },
    kind: 'route',
  },
  {
    name: 'an article',
    files: `**/data/*/articles/*/${newest.id}.json`,
    // A client navigation from the prerendered home page, which fetches the article's file.
    open: async (page) => {
      await page.goto('/')
      await page.getByRole('link', { name: newest.title }).click()
    },
    expectContent: async (page) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
      await expect(page).toHaveURL(`/articles/${newest.id}/${newest.slug}`)
    },
    kind: 'route',
  },
  {
    name: 'a search shard',
    files: '**/data/*/search/t/*.bin',
    open: async (page) => {
      await page.goto(`/search?q=${fundingSearch.query}`)
    },
    expectContent: async (page) => {
      await expect(page.getByRole('main').getByRole('status')).toHaveText(
        `${fundingSearch.total} results for “${fundingSearch.query}”`,
      )
    },
    kind: 'search',
  },
]

/** Counts the requests for each URL the fault answers. */
function injectFault(page: Page, files: string, fault: Fault) {
  const hits = new Map<string, number>()
  const done = page.route(files, async (route) => {
    const url = route.request().url()
    hits.set(url, (hits.get(url) ?? 0) + 1)
    if (fault.answer !== 'hold') await fault.answer(route)
  })
  const total = () => [...hits.values()].reduce((a, b) => a + b, 0)
  return { hits, total, done }
}

for (const target of targets) {
  for (const fault of faults) {
    test(`${target.name} answering ${fault.name}: the view says so, and Retry recovers`, async ({
      page,
      allowConsole,
    }) => {
      if (fault.console) allowConsole(fault.console)
      // A timeout is waited out on the page's clock, run forward, not in real time.
      if (fault.answer === 'hold') await page.clock.install()
      const { hits, total, done } = injectFault(page, target.files, fault)
      await done

      await target.open(page)
      if (fault.answer === 'hold') {
        await expect.poll(total).toBeGreaterThan(0)
        const perAttempt = hits.size
        for (let attempt = 1; attempt <= fault.attempts; attempt++) {
          await expect.poll(total).toBe(attempt * perAttempt)
          await page.clock.fastForward(FETCH_TIMEOUT_MS)
        }
      }

      const main = page.getByRole('main')
      if (fault.listDetail === null && target.kind === 'route') {
        // A missing file of the running version is a real answer: not found, and not retried.
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found')
        expect([...hits.values()]).toEqual([1])
        return
      }
      const alert = main.getByRole('alert')
      // The retries back off (0.5 s, then 1 s) before the view gives up: more than the default
      // 5 s on a loaded machine.
      await expect(alert).toBeVisible({ timeout: 20_000 })
      if (target.kind === 'route') {
        await expect(alert.getByRole('heading', { level: 1 })).toHaveText(
          'This page could not be loaded',
        )
        await expect(alert).toContainText(fault.listDetail ?? '')
      } else {
        await expect(alert).toContainText(`Search could not load its index: ${fault.searchDetail}.`)
      }
      // Bounded retries: every failing file asked for exactly as often as the policy says.
      expect(hits.size).toBeGreaterThan(0)
      expect(new Set(hits.values())).toEqual(new Set([fault.attempts]))
      // Nothing left spinning: no busy region (the main landmark while the progress bar shows,
      // a skeleton), no "Searching…".
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0)
      await expect(page.getByText('Searching…')).toHaveCount(0)
      await expect(page.getByRole('banner').getByRole('link', { name: 'Newsreader' })).toBeVisible()

      await page.unroute(target.files)
      if (fault.answer === 'hold') await page.clock.resume()
      await alert.getByRole('button', { name: 'Retry' }).click()
      await target.expectContent(page)
      await expect(alert).toHaveCount(0)
    })
  }
}

for (const target of targets) {
  test(`while ${target.name} keeps failing, the header and the other views work`, async ({
    page,
    allowConsole,
  }) => {
    allowConsole(SERVER_ERROR)
    const { total, done } = injectFault(page, target.files, faults[1]!)
    await done
    await target.open(page)
    await expect(page.getByRole('main').getByRole('alert')).toBeVisible({ timeout: 20_000 })
    expect(total()).toBeGreaterThan(0)

    // The header's link home, a source's page and the search box all still work.
    await page.getByRole('banner').getByRole('link', { name: 'Newsreader' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news')
    await page.getByRole('link', { name: `${sources[1].name} (${sources[1].count})` }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sources[1].name)
    if (target.kind === 'route') {
      const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search articles' })
      await box.fill('Hajiyev')
      await box.press('Enter')
      await expect(page.getByRole('main').getByRole('status')).toHaveText('1 result for “Hajiyev”')
    }
  })
}
