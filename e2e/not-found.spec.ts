import { site } from './corpus'
import { NOT_FOUND_RESPONSE, expect, test, type Page } from './fixtures'

async function expectNotFound(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found')
  await expect(page).toHaveTitle(`Not found · ${site.name}`)
  const home = page.getByRole('link', { name: 'Go to the latest articles' })
  await expect(home).toHaveAttribute('href', '/')
  await home.click()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news')
}

test('an unknown article id is not found', async ({ page, allowConsole }) => {
  allowConsole(NOT_FOUND_RESPONSE)
  await page.goto('/articles/0000000000000000')
  await expectNotFound(page)
})

test('an unknown article id with a slug is not found', async ({ page, allowConsole }) => {
  allowConsole(NOT_FOUND_RESPONSE)
  await page.goto('/articles/0000000000000000/some-headline')
  await expectNotFound(page)
})

test('a malformed article id is not found', async ({ page }) => {
  for (const url of [
    '/articles/not-an-id',
    '/articles/E2E0000000000058',
    '/articles/e2e00000000000581',
  ]) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1 }), url).toHaveText('Not found')
  }
  await expectNotFound(page)
})

test('an unknown source is not found', async ({ page, allowConsole }) => {
  allowConsole(NOT_FOUND_RESPONSE)
  await page.goto('/sources/no-such-source')
  await expectNotFound(page)
})

test('an unknown route is not found', async ({ page }) => {
  await page.goto('/no/such/page')
  await expectNotFound(page)
})
