import {
  articlePath,
  boardUnveilsPlans,
  byNightOwlWire,
  caucasus,
  fundingSearch,
  newest,
  sample,
  secondNewest,
  survey,
  withHtml,
} from './corpus'
import { chunkFor, workerFor } from './build-manifest'
import {
  expect,
  expectNoViolations,
  holdRequests,
  idle,
  scrollY,
  test,
  type Page,
} from './fixtures'

const SERVER_ERROR = /Failed to load resource: the server responded with a status of 500/

/** The header's search box, on every view. */
const searchBox = (page: Page) =>
  page.getByRole('banner').getByRole('searchbox', { name: 'Search articles' })

/** The line that says how many results a search found (a live region). */
const resultStatus = (page: Page) => page.getByRole('main').getByRole('status')

/** Result cards, in order. */
const results = (page: Page) => page.getByRole('main').getByRole('article')

/** Highlighted words. `<mark>` has no role Playwright's locators name, so its tag it is. */
const marks = (page: Page) => page.getByRole('main').locator('mark')

const searchUrl = (params: Record<string, string>) => `/search?${new URLSearchParams(params)}`

test('typing in the search box shows highlighted results and keeps one history entry', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()

  const box = searchBox(page)
  await box.pressSequentially('Azer')
  await expect(page).toHaveURL(searchUrl({ q: 'Azer' }))
  await box.pressSequentially('baijan')
  await expect(page).toHaveURL(searchUrl({ q: 'Azerbaijan' }))

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search: Azerbaijan')
  await expect(resultStatus(page)).toHaveText('1 result for “Azerbaijan”')
  await expect(results(page)).toHaveCount(1)
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText(sample.title)
  await expect(marks(page).first()).toHaveText('Azerbaijan')
  // The typing stays in the box while the results follow it.
  await expect(box).toBeFocused()
  await expect(box).toHaveValue('Azerbaijan')

  // Every keystroke replaced the one entry that entering /search added: Back leaves search.
  await page.goBack()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  await expect(box).toHaveValue('')
})

test('a partial word shows its results as it is typed, before Enter', async ({ page }) => {
  await page.goto('/search')
  await expect(page.getByRole('heading', { level: 2, name: 'Latest articles' })).toBeVisible()
  const box = searchBox(page)
  // The last word is matched as the start of a word: the reader need not finish it.
  await box.pressSequentially('Azerbai', { delay: 40 })

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search: Azerbai')
  await expect(resultStatus(page)).toHaveText(/^\d+ results? for “Azerbai”$/)
  await expect(results(page).first().getByRole('heading', { level: 2 })).toHaveText(sample.title)
  await expect(box).toBeFocused()
  // And the URL follows the typing, on the one history entry.
  await expect(page).toHaveURL(searchUrl({ q: 'Azerbai' }))
})

test("the last results stay on screen, dimmed and busy, while the next query's files load", async ({
  page,
}) => {
  await page.goto('/search')
  const box = searchBox(page)
  await box.pressSequentially('Azerbaijan')
  await expect(resultStatus(page)).toHaveText('1 result for “Azerbaijan”')
  const busy = page.getByRole('main').locator('[aria-busy="true"]')
  await expect(busy).toHaveCount(0)

  // The next query's articles (their excerpts) arrive only when the test lets them.
  const release = await holdRequests(page, (url) => /\/data\/[^/]+\/articles\//.test(url.pathname))
  const held = page.waitForRequest((request) => /\/data\/[^/]+\/articles\//.test(request.url()))
  await box.fill(fundingSearch.query)
  await held
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search: funding')
  // Never an empty page or "Searching…" in between: the last answer, marked busy.
  await expect(busy).toHaveCount(1)
  await expect(resultStatus(page)).toHaveText('1 result for “Azerbaijan”')
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText([sample.title])

  release()
  await expect(resultStatus(page)).toHaveText(`12 results for “${fundingSearch.query}”`)
  await expect(busy).toHaveCount(0)
  await expect(results(page)).toHaveCount(10)
})

test('keystrokes typed while the search view loads add no history entry either', async ({
  page,
}) => {
  // A slow network: the search view's script arrives only when the test lets it.
  const route = chunkFor('searchRoute')
  const release = await holdRequests(page, route.url)
  await page.clock.install()
  await page.goto('/')
  // Time stands still but for the steps below, so each pause of the typing is exact.
  await page.clock.pauseAt(Date.now() + 60_000)
  const box = searchBox(page)
  const routeRequested = page.waitForRequest(route.url)

  await box.pressSequentially('Az')
  await page.clock.runFor(1000)
  await routeRequested
  // The reader types on while /search loads, then pauses again once it has.
  await box.pressSequentially('er')
  release()
  await expect(page).toHaveURL(searchUrl({ q: 'Az' }))
  await page.clock.runFor(1000)
  await page.clock.resume()
  await expect(page).toHaveURL(searchUrl({ q: 'Azer' }))
  await expect(resultStatus(page)).toContainText('for “Azer”')

  await page.goBack()
  await expect(page).toHaveURL('/')
})

test('Enter commits a query: Back from the next committed query returns to it', async ({
  page,
}) => {
  await page.goto('/')
  const box = searchBox(page)

  // A reader types, reads the results as they follow the typing, then presses Enter.
  await box.fill(fundingSearch.query)
  await expect(page).toHaveURL(searchUrl({ q: fundingSearch.query }))
  await box.press('Enter')
  await expect(resultStatus(page)).toHaveText(`12 results for “${fundingSearch.query}”`)

  await box.fill('Hajiyev')
  await expect(page).toHaveURL(searchUrl({ q: 'Hajiyev' }))
  await expect(resultStatus(page)).toHaveText('1 result for “Hajiyev”')
  await box.press('Enter')
  await expect(page).toHaveURL(searchUrl({ q: 'Hajiyev' }))

  await page.goBack()
  await expect(page).toHaveURL(searchUrl({ q: fundingSearch.query }))
  await expect(resultStatus(page)).toHaveText(`12 results for “${fundingSearch.query}”`)
  await expect(box).toHaveValue(fundingSearch.query)
})

test('Enter on the query the results already show adds no second history entry', async ({
  page,
}) => {
  await page.goto('/')
  const box = searchBox(page)

  await box.fill(fundingSearch.query)
  await expect(page).toHaveURL(searchUrl({ q: fundingSearch.query }))
  await expect(resultStatus(page)).toHaveText(`12 results for “${fundingSearch.query}”`)
  await box.press('Enter')
  await expect(resultStatus(page)).toHaveText(`12 results for “${fundingSearch.query}”`)

  // One Back leaves search: no entry that looks the same as the one before it.
  await page.goBack()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
})

test('a deep link with a source opens onto the filtered results, with counts per source', async ({
  page,
}) => {
  await page.goto(searchUrl({ q: fundingSearch.query, source: 'valley-courier' }))

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search: funding')
  await expect(resultStatus(page)).toHaveText('3 results for “funding”')
  const filters = page.getByRole('navigation', { name: 'Filter by source' })
  await expect(filters.getByRole('link')).toHaveText([
    `All sources (${fundingSearch.total})`,
    ...fundingSearch.sources.map((source) => `${source.name} (${source.count})`),
  ])
  await expect(filters.getByRole('link', { name: 'Valley Courier (3)' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(results(page)).toHaveCount(3)
  for (const card of await results(page).all()) {
    await expect(card.getByRole('link', { name: 'Valley Courier' })).toBeVisible()
  }
})

test('sorting by newest and the source chips update the URL', async ({ page }) => {
  await page.goto(searchUrl({ q: fundingSearch.query, source: 'valley-courier' }))
  await expect(resultStatus(page)).toHaveText('3 results for “funding”')

  const sort = page.getByRole('navigation', { name: 'Sort results' })
  await expect(sort.getByRole('link', { name: 'Most relevant' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await sort.getByRole('link', { name: 'Newest first' }).click()
  await expect(page).toHaveURL(
    searchUrl({ q: fundingSearch.query, source: 'valley-courier', sort: 'newest' }),
  )
  await expect(sort.getByRole('link', { name: 'Newest first' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText(
    fundingSearch.valleyCourierNewestFirst,
  )

  const filters = page.getByRole('navigation', { name: 'Filter by source' })
  await filters.getByRole('link', { name: 'Night Owl Wire (1)' }).click()
  await expect(page).toHaveURL(
    searchUrl({ q: fundingSearch.query, source: 'night-owl-wire', sort: 'newest' }),
  )
  await expect(resultStatus(page)).toHaveText('1 result for “funding”')
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText([byNightOwlWire.title])

  await filters.getByRole('link', { name: `All sources (${fundingSearch.total})` }).click()
  await expect(page).toHaveURL(searchUrl({ q: fundingSearch.query, sort: 'newest' }))
  await expect(resultStatus(page)).toHaveText('12 results for “funding”')
  // Newest first over every source: the Night Owl Wire story is the newest of the twelve.
  await expect(results(page).first().getByRole('heading', { level: 2 })).toHaveText(
    byNightOwlWire.title,
  )
})

test('a quoted phrase matches only the article with those words side by side', async ({ page }) => {
  await page.goto(searchUrl({ q: boardUnveilsPlans.words }))
  await expect(resultStatus(page)).toHaveText(
    `${boardUnveilsPlans.looseTotal} results for “${boardUnveilsPlans.words}”`,
  )

  const phrase = `"${boardUnveilsPlans.words}"`
  await page.goto(searchUrl({ q: phrase }))
  await expect(resultStatus(page)).toHaveText(`1 result for “${phrase}”`)
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText([
    boardUnveilsPlans.title,
  ])
  await expect(results(page).getByRole('heading', { level: 2 }).locator('mark')).toHaveText([
    'board',
    'unveils',
    'plans',
  ])
})

for (const typo of [
  { typed: 'Azerbijan', corrected: 'azerbaijan' },
  { typed: 'Hajiev', corrected: 'hajiyev' },
]) {
  test(`a typo, ${typo.typed}, finds the sample first and offers the words as typed`, async ({
    page,
  }) => {
    await page.goto(searchUrl({ q: typo.typed }))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Search: ${typo.typed}`)
    await expect(page.getByRole('main')).toContainText(`Showing results for ${typo.corrected}.`)
    await expect(results(page).first().getByRole('heading', { level: 2 })).toHaveText(sample.title)
    await expect(results(page).first().locator('mark').first()).toHaveText(
      new RegExp(`^${typo.corrected}$`, 'i'),
    )

    await page.getByRole('link', { name: `Search instead for ${typo.typed}` }).click()
    await expect(page).toHaveURL(new RegExp(`[?&]q=${typo.typed}(&|$)`))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Search: ${typo.typed}`)
    await expect(resultStatus(page)).toHaveText(`No results for “${typo.typed}”.`)
    await expect(page.getByText('Showing results for')).toHaveCount(0)
  })
}

test('a result opens the article with the searched word marked and scrolled into view', async ({
  page,
}) => {
  await page.goto(searchUrl({ q: caucasus.query }))
  await expect(resultStatus(page)).toHaveText('1 result for “Caucasus”')
  await results(page).getByRole('link', { name: sample.title }).click()

  await expect(page).toHaveURL(articlePath(sample))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sample.title)
  // The word is in the next-to-last paragraph, far below the fold of a long article.
  await expect(marks(page)).toHaveText(['Caucasus'])
  await expect(marks(page)).toBeInViewport()
  await expect.poll(() => scrollY(page)).toBeGreaterThan(0)
})

test('the marks stay on the searched article only, and Back returns to the results', async ({
  page,
}) => {
  const url = searchUrl({ q: survey.query, sort: 'newest' })
  await page.goto(url)
  await expect(results(page).first().getByRole('heading', { level: 2 })).toHaveText(newest.title)
  await results(page).getByRole('link', { name: newest.title }).click()

  await expect(page).toHaveURL(articlePath(newest))
  await expect(marks(page).first()).toHaveText('survey')
  await expect(marks(page).first()).toBeInViewport()

  await page.getByRole('link', { name: /Next article/ }).click()
  await expect(page).toHaveURL(articlePath(secondNewest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondNewest.title)
  // The word is in this article too, but the reader did not come here from the search.
  await expect(page.getByRole('main')).toContainText('survey')
  await expect(marks(page)).toHaveCount(0)

  await page.goBack()
  await expect(page).toHaveURL(articlePath(newest))
  await expect(marks(page).first()).toHaveText('survey')
  await page.goBack()
  await expect(page).toHaveURL(url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search: survey')
  await expect(results(page).first().getByRole('heading', { level: 2 })).toHaveText(newest.title)
})

test('"/" focuses the search box, but types a slash inside a field', async ({ page }) => {
  await page.goto(articlePath(newest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
  const box = searchBox(page)
  await expect(box).not.toBeFocused()

  await page.keyboard.press('/')
  await expect(box).toBeFocused()
  await expect(box).toHaveValue('')

  await page.keyboard.type('a/b')
  await expect(box).toHaveValue('a/b')
  await expect(box).toBeFocused()
})

test('the empty search shows a hint and the latest articles', async ({ page }) => {
  await page.goto('/search')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search')
  await expect(page.getByRole('main')).toContainText('Put words in double quotes')
  await expect(page.getByRole('heading', { level: 2, name: 'Latest articles' })).toBeVisible()
  await expect(page.getByRole('main').getByRole('article').first()).toContainText(newest.title)
  await expect(searchBox(page)).toHaveValue('')
})

test('a query that matches nothing says so', async ({ page }) => {
  await page.goto(searchUrl({ q: 'qwxzjv' }))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search: qwxzjv')
  await expect(resultStatus(page)).toHaveText('No results for “qwxzjv”.')
  await expect(results(page)).toHaveCount(0)
  await expect(searchBox(page)).toHaveValue('qwxzjv')
})

/** Queries that must not break the view: each shows as text in the heading and the box. */
const hostile: Array<{
  name: string
  url: string
  heading: string | RegExp
  value: string | RegExp
}> = [
  ...[
    { name: 'a script tag', q: '<script>alert(1)</script>' },
    { name: 'a lone double quote', q: '"' },
    { name: 'three double quotes', q: '"""' },
    { name: 'only punctuation', q: '?!.,;' },
    { name: 'emoji', q: '🦊 news 👋🏽' },
    { name: 'right-to-left text', q: 'مرحبا بالعالم' },
  ].map(({ name, q }) => ({ name, url: searchUrl({ q }), heading: `Search: ${q}`, value: q })),
  {
    name: 'a 10,000-character query',
    url: searchUrl({ q: 'funding '.repeat(1250) }),
    // Shown, but not all of it.
    heading: /^Search: (funding ?){2,40}$/,
    value: /^(funding ?){2,40}$/,
  },
  // Bytes that are not UTF-8 decode to U+FFFD; a "%" that starts no escape stays itself.
  {
    name: 'malformed percent-encoding',
    url: '/search?q=%E0%A4%A',
    heading: 'Search: \uFFFD%A',
    value: '\uFFFD%A',
  },
  { name: 'a lone percent sign', url: '/search?q=%', heading: 'Search: %', value: '%' },
]

for (const query of hostile) {
  test(`a hostile query, ${query.name}, shows as text and runs nothing`, async ({ page }) => {
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(query.url)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(query.heading)
    await expect(searchBox(page)).toHaveValue(query.value)
    await expect(resultStatus(page)).toHaveText(/^(No results for “.*”\.|\d+ results? for “.*”)$/s)
    await expect(page.getByRole('alert')).toHaveCount(0)
    expect(dialogs).toEqual([])
  })
}

test('markup typed in the box is searched as words and shown as text', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto('/')
  await searchBox(page).fill('<script>alert(1)</script>')
  await searchBox(page).press('Enter')

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Search: <script>alert(1)</script>',
  )
  await expect(results(page).first().getByRole('heading', { level: 2 })).toHaveText(withHtml.title)
  await expect(results(page).first()).toContainText('<script>alert(1)</script>')
  expect(dialogs).toEqual([])
})

test('a search index file that fails shows an error, and Retry recovers', async ({
  page,
  allowConsole,
}) => {
  allowConsole(SERVER_ERROR)
  const indexRoot = '**/data/*/search/root.bin'
  let failures = 0
  await page.route(indexRoot, async (route) => {
    failures += 1
    await route.fulfill({ status: 500, body: 'Internal Server Error' })
  })

  await page.goto(searchUrl({ q: 'Hajiyev' }))
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('Search could not load')
  expect(failures).toBeGreaterThan(0)

  await page.unroute(indexRoot)
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(resultStatus(page)).toHaveText('1 result for “Hajiyev”')
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText([sample.title])
  await expect(alert).toHaveCount(0)
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the search view with results has no WCAG violations in the ${colorScheme} scheme`, async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.emulateMedia({ colorScheme })
    await page.goto(searchUrl({ q: 'Azerbijan' }))
    await expect(resultStatus(page)).toHaveText('1 result for “azerbaijan”')
    await expect(marks(page).first()).toBeVisible()

    await expectNoViolations(makeAxeBuilder)
  })
}

test('a search deep link uses what its page preloads: each chunk and index file loads once', async ({
  page,
}) => {
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  await page.goto(searchUrl({ q: 'Azerbaijan' }))
  await expect(results(page).first()).toBeVisible()
  const preloaded = await page
    .locator('head link[rel="modulepreload"], head link[rel="preload"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname))
  expect(preloaded).toContainEqual(expect.stringMatching(/\/search\/root\.bin$/))
  // Every chunk the early search and the search view import, the engine's client among them; not
  // the app's entry, which the boot script loads after the first paint.
  const early = chunkFor('searchEarly')
  const view = chunkFor('searchRoute')
  const chunks = new Set([...early.imports, view.path, ...view.imports])
  chunks.delete(chunkFor('entry').path)
  expect(
    [...chunks].filter((path) => !preloaded.includes(path)),
    'chunks the head does not preload',
  ).toEqual([])
  for (const path of new Set(preloaded)) {
    expect(
      requested.filter((p) => p === path),
      path,
    ).toHaveLength(1)
  }
})

test("a search deep link's index files load while the app's code does, each once", async ({
  page,
}) => {
  // The app's entry chunk is held back until the query's term and document files have been
  // asked for: only the page's early script can have asked.
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  const indexFiles = () => requested.filter((p) => /\/search\/[td]\/[^/]+\.bin$/.test(p))
  const release = await holdRequests(page, chunkFor('entry').url)
  // The page counts as loaded once the app runs, which it cannot before the release.
  const loaded = page.goto(searchUrl({ q: 'Azerbaijan' }))
  await expect.poll(indexFiles).toContainEqual(expect.stringContaining('/search/d/'))
  release()
  await loaded
  await expect(results(page).first()).toBeVisible()
  // The app took the early search over instead of searching again.
  expect(indexFiles(), 'each index file requested once').toEqual([...new Set(indexFiles())])
})

test('a search deep link shows its results before the app has loaded, and the app keeps them', async ({
  page,
}) => {
  // Every text the status line shows, in order, from the first paint on.
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { statusTexts: seen })
    new MutationObserver(() => {
      const text = document.querySelector('main [role="status"]')?.textContent ?? null
      if (text !== null && text !== seen.at(-1)) seen.push(text)
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
  const release = await holdRequests(page, chunkFor('entry').url)
  const loaded = page.goto(searchUrl({ q: 'Azerbaijan' }))
  // Drawn by the page's early script: the app's entry has not even arrived.
  await expect(page.getByRole('heading', { level: 1, name: 'Search: Azerbaijan' })).toBeVisible()
  await expect(resultStatus(page)).toHaveText(/^\d+ results? for “Azerbaijan”$/)
  const early = await results(page).getByRole('heading').allTextContents()
  expect(early.length).toBeGreaterThan(0)
  await expect(marks(page).first()).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.dataset.appReady)).toBeUndefined()
  release()
  await loaded
  // The app rendered the same results at once: no "Searching…" in between, nothing moved.
  expect(await results(page).getByRole('heading').allTextContents()).toEqual(early)
  const texts = await page.evaluate(
    () => (window as unknown as { statusTexts: string[] }).statusTexts,
  )
  expect(texts).toHaveLength(1)
  // And it is the app's now: a result opens its article without a page load.
  await page.evaluate(() => Object.assign(window, { samePage: true }))
  await results(page).first().getByRole('link').first().click()
  await expect(page).toHaveURL(/\/articles\//)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(early[0]!)
  expect(await page.evaluate(() => 'samePage' in window), 'no page load since the click').toBe(true)
})

test("a search deep link keeps the early results while the app waits for the search route's code", async ({
  page,
}) => {
  // How many results the page shows, each time it changes, from the first paint on.
  await page.addInitScript(() => {
    const counts: number[] = []
    Object.assign(window, { resultCounts: counts })
    new MutationObserver(() => {
      const count = document.querySelectorAll('main article').length
      if (count !== counts.at(-1)) counts.push(count)
    }).observe(document, { childList: true, subtree: true })
  })
  // The search route's own chunk is held back: the app's entry and React arrive, and the router
  // cannot finish its first navigation until it comes. The entry is held too until the early script
  // has drawn, which here, with files served at once, it otherwise may not have done first.
  const route = chunkFor('searchRoute')
  const release = await holdRequests(page, route.url)
  const routeRequested = page.waitForRequest(route.url)
  const entry = chunkFor('entry')
  const releaseEntry = await holdRequests(page, entry.url)
  const entryArrived = page.waitForResponse(entry.url)
  void page.goto(searchUrl({ q: 'Azerbaijan' }), { waitUntil: 'commit' })
  await expect(resultStatus(page)).toHaveText(/^\d+ results? for “Azerbaijan”$/)
  releaseEntry()
  await entryArrived
  // The router exists once it has written its index into the history entry, and has asked for the
  // route's chunk (if the page's head had not already). An app that rendered without waiting for
  // the route would do so in the tasks after that, one after another; the page is idle only once
  // they are done.
  await expect
    .poll(() => page.evaluate(() => (history.state as { idx?: number } | null)?.idx))
    .toBe(0)
  await routeRequested
  await idle(page)
  expect(
    await page.evaluate(() => document.documentElement.dataset.appReady),
    'the app has not rendered while its route is on its way',
  ).not.toBe('true')
  release()
  await expect(page.locator('html[data-app-ready="true"]')).toHaveCount(1)
  await expect(results(page).first()).toBeVisible()
  // Drawn once by the early script, then rendered by the app: never gone in between.
  const counts = await page.evaluate(
    () => (window as unknown as { resultCounts: number[] }).resultCounts,
  )
  expect(counts.slice(1)).not.toContain(0)
  expect(counts.at(-1)).toBeGreaterThan(0)
})

test("searches run in a worker: the engine's code never loads on the page", async ({ page }) => {
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  await page.goto('/')
  await searchBox(page).pressSequentially('Azerbaijan')
  await expect(resultStatus(page)).toHaveText('1 result for “Azerbaijan”')
  expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toEqual([
    workerFor('searchRoute'),
  ])
  // The page's own copy of the engine, for browsers where the worker cannot start.
  const pageEngine = chunkFor('searchEngine').path
  expect(requested.filter((path) => path === pageEngine)).toEqual([])
})

test('when the search worker cannot start, the page searches itself', async ({
  page,
  allowConsole,
}) => {
  allowConsole(/Failed to load resource: the server responded with a status of 404/)
  const pageEngine = page.waitForRequest(chunkFor('searchEngine').url)
  const worker = workerFor('searchRoute')
  await page.route(
    (url) => url.pathname === worker,
    (route) => route.fulfill({ status: 404, body: 'Not found' }),
  )
  await page.goto(searchUrl({ q: 'Azerbaijan' }))
  await pageEngine
  await expect(resultStatus(page)).toHaveText('1 result for “Azerbaijan”')
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText(sample.title)
  // And the searches after it, typos corrected as ever.
  await searchBox(page).fill('Azerbijan')
  await expect(results(page).getByRole('heading', { level: 2 })).toHaveText(sample.title)
})

test('the empty search page loads the index root before the first keystroke', async ({ page }) => {
  const requested: string[] = []
  page.on('request', (request) => requested.push(new URL(request.url()).pathname))
  await page.goto('/search')
  await expect.poll(() => requested.filter((p) => p.endsWith('/search/root.bin'))).toHaveLength(1)
  await searchBox(page).fill('Azerbaijan')
  await expect(results(page).first()).toBeVisible()
  expect(requested.filter((p) => p.endsWith('/search/root.bin'))).toHaveLength(1)
})
