/**
 * Markup prerendered for one URL is never shown under another (issue #22), on the project's own
 * server (scripts/site/serve.ts), which answers /search?q=… with search.html (the empty search's
 * view: the latest stories) and /?page=2 with index.html (page 1). The page's head script hides
 * it from the first paint, a skeleton in its place (src/app/start/page-check.ts); a page opened at
 * its own URL shows its content from the first paint. e2e/hosts.spec.ts checks the same on other
 * hosts.
 */
import { join } from 'node:path'
import { load } from 'cheerio'
import { articlePath, corpus, fundingSearch, newest, nightOwlWire } from './corpus'
import { NOT_FOUND_RESPONSE, expect, test, type Page } from './fixtures'
import { expectFirstMain, expectMainNeverShowed, watchMain } from './first-paint'

const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const mark = (page: Page) => page.locator('html[data-page-mismatch]')

test('each prerendered page says which URL it is for; the shell, for any, says none', async ({
  request,
}) => {
  const renderedFor = async (path: string) =>
    load(await (await request.get(path)).text())('html').attr('data-path') ?? null
  expect(await renderedFor('/')).toBe('/')
  expect(await renderedFor('/?page=2')).toBe('/')
  expect(await renderedFor(`/search?q=${fundingSearch.query}`)).toBe('/search')
  expect(await renderedFor(`/sources/${nightOwlWire.slug}`)).toBe(`/sources/${nightOwlWire.slug}`)
  expect(await renderedFor(articlePath(newest))).toBe(articlePath(newest))
  expect(await renderedFor('/no/such/page')).toBeNull()
})

test('a search deep link shows no latest stories from its first paint, then its results', async ({
  page,
}) => {
  await watchMain(page, newest.title)
  await page.goto(`/search?q=${fundingSearch.query}`)
  await expectMainNeverShowed(page, 'the latest stories of search.html')
  await expect(page.getByRole('main').getByRole('status')).toHaveText(
    `${fundingSearch.total} results for “${fundingSearch.query}”`,
  )
  await expect(mark(page)).toHaveCount(0)
})

test('page 2 of the list shows the list’s skeleton from its first paint, not page 1', async ({
  page,
}) => {
  await watchMain(page, newest.title)
  await page.goto('/?page=2')
  await expectFirstMain(page, 'list')
  await expectMainNeverShowed(page, 'page 1’s stories')
  await expect(heading(page)).toHaveText('Latest news · page 2')
  await expect(page.getByRole('article')).toHaveCount(corpus.pageSize)
  await expect(mark(page)).toHaveCount(0)
})

test('an unknown article shows the article’s skeleton from its first paint, not the home page', async ({
  page,
  allowConsole,
}) => {
  allowConsole(NOT_FOUND_RESPONSE)
  // The project's server answers it with the shell, which has nothing to hide; a host that
  // rewrites unknown paths to /index.html answers with the home page, as this route does.
  await page.route('**/articles/ffffffffffffffff', (route) =>
    route.fulfill({ path: join(process.env.E2E_DIST ?? 'e2e/.dist', 'index.html') }),
  )
  await watchMain(page, newest.title)
  await page.goto('/articles/ffffffffffffffff')
  await expectFirstMain(page, 'article')
  await expectMainNeverShowed(page, 'the home page’s stories')
  await expect(heading(page)).toHaveText('Not found')
})

const ownPages = [
  { path: '/', text: newest.title },
  { path: `/sources/${nightOwlWire.slug}`, text: nightOwlWire.name },
  { path: articlePath(newest), text: newest.title },
]

for (const { path, text } of ownPages) {
  test(`${path}, opened at its own URL, shows its content from the first paint`, async ({
    page,
  }) => {
    await watchMain(page, text)
    await page.goto(path)
    await expectFirstMain(page, 'none')
    await expect(page.locator('html')).toHaveAttribute('data-main-showed', 'true')
  })
}
