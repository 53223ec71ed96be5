/**
 * A new deployment while a tab is open: the old build's data folder and hashed scripts are gone
 * (404). The app asks `version.json` (never cached) what is deployed, and offers a reload instead
 * of a not-found view, a damaged view or a blank page. The "new version" the reload lands on is the
 * one the test server holds, once the faults are removed.
 */
import { chunkFor } from './build-manifest'
import { articlePath, fundingSearch, newest } from './corpus'
import { NOT_FOUND_RESPONSE, expect, test, type Page } from './fixtures'

const VERSION_FILE = '**/version.json'
/** Every data file of the build this tab runs. */
const OLD_DATA = '**/data/*/**'

/** Makes the server look redeployed: version.json names another build, this tab's data is gone. */
async function redeploy(page: Page, { dataGone = true } = {}) {
  const asked = { version: 0 }
  await page.route(VERSION_FILE, async (route) => {
    asked.version += 1
    await route.fulfill({ json: { version: 'a-newer-build' } })
  })
  if (dataGone) {
    await page.route(OLD_DATA, (route) => route.fulfill({ status: 404, body: 'Not found' }))
  }
  return asked
}

async function undeploy(page: Page) {
  await page.unroute(VERSION_FILE)
  await page.unroute(OLD_DATA)
}

async function expectUpdateOffered(page: Page) {
  const alert = page.getByRole('main').getByRole('alert')
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText('This site has been updated')
  await expect(alert).toContainText('A new version was published since this page was opened.')
  await expect(page.getByRole('heading', { name: 'Not found' })).toHaveCount(0)
  return alert.getByRole('button', { name: 'Reload' })
}

/** Clicks Reload and waits for the page to load anew (a real reload, not a client render). */
async function reloadWith(page: Page, button: ReturnType<Page['getByRole']>) {
  await page.evaluate(() => {
    document.documentElement.dataset.beforeReload = 'yes'
  })
  await Promise.all([page.waitForEvent('load'), button.click()])
  await expect(page.locator('html')).not.toHaveAttribute('data-before-reload', 'yes')
}

test('an article whose data is gone after a redeploy offers a reload, which lands on the new version', async ({
  page,
  allowConsole,
}) => {
  allowConsole(NOT_FOUND_RESPONSE)
  await page.goto('/')
  const asked = await redeploy(page)
  await page.getByRole('link', { name: newest.title }).click()
  const reload = await expectUpdateOffered(page)
  expect(asked.version).toBe(1)

  await undeploy(page)
  await reloadWith(page, reload)
  await expect(page).toHaveURL(`/articles/${newest.id}/${newest.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
})

test('a list page whose data is gone after a redeploy offers a reload', async ({
  page,
  allowConsole,
}) => {
  allowConsole(NOT_FOUND_RESPONSE)
  await redeploy(page)
  // Not prerendered: the app loads the manifest and page 2 itself, and both are gone.
  await page.goto('/?page=2')
  const reload = await expectUpdateOffered(page)

  await undeploy(page)
  await reloadWith(page, reload)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news · page 2')
})

test('a missing file while the same version is deployed stays a not-found', async ({
  page,
  allowConsole,
}) => {
  allowConsole(NOT_FOUND_RESPONSE)
  let asked = 0
  await page.route(VERSION_FILE, async (route) => {
    asked += 1
    await route.continue()
  })
  await page.goto('/articles/0000000000000000')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found')
  expect(asked).toBe(1)
})

test('a script chunk that is gone after a redeploy offers a reload', async ({
  page,
  allowConsole,
}) => {
  allowConsole(NOT_FOUND_RESPONSE)
  await page.goto('/')
  // A code-only redeploy: same data version, new chunk names, the old ones 404.
  const articleChunk = chunkFor('articleRoute').url
  await page.route(articleChunk, (route) => route.fulfill({ status: 404, body: 'Not found' }))
  await page.getByRole('link', { name: newest.title }).click()
  const reload = await expectUpdateOffered(page)

  await page.unroute(articleChunk)
  await reloadWith(page, reload)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
})

test('a prerendered deep link whose route chunk is gone offers a reload, not a blank page', async ({
  page,
  allowConsole,
}) => {
  allowConsole(NOT_FOUND_RESPONSE)
  // The page is served, then the app finds its route's chunk gone before it hydrates.
  const articleChunk = chunkFor('articleRoute').url
  await page.route(articleChunk, (route) => route.fulfill({ status: 404, body: 'Not found' }))
  await page.goto(articlePath(newest))
  const reload = await expectUpdateOffered(page)

  await page.unroute(articleChunk)
  await reloadWith(page, reload)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
})

test('a script chunk that fails while offline says so, not that the site was updated', async ({
  page,
  allowConsole,
}) => {
  allowConsole(/net::ERR_INTERNET_DISCONNECTED/)
  await page.goto('/')
  await page.route(chunkFor('articleRoute').url, (route) => route.abort('internetdisconnected'))
  await page.route(VERSION_FILE, (route) => route.abort('internetdisconnected'))
  await page.getByRole('link', { name: newest.title }).click()
  const alert = page.getByRole('main').getByRole('alert')
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText('This page could not be loaded')
  await expect(alert).toContainText('Part of the app could not be downloaded.')

  await page.unrouteAll()
  await reloadWith(page, alert.getByRole('button', { name: 'Reload' }))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
})

test('a search index that is gone after a redeploy offers a reload', async ({
  page,
  allowConsole,
}) => {
  allowConsole(NOT_FOUND_RESPONSE)
  await page.goto('/')
  await redeploy(page)
  const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search articles' })
  await box.fill(fundingSearch.query)
  await box.press('Enter')
  const alert = page.getByRole('main').getByRole('alert')
  await expect(alert).toContainText('This site has been updated since this page was opened')

  await undeploy(page)
  await reloadWith(page, alert.getByRole('button', { name: 'Reload' }))
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    `${fundingSearch.total} results for “${fundingSearch.query}”`,
  )
})
