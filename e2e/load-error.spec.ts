import { corpus } from './corpus'
import { expect, test } from './fixtures'

const SERVER_ERROR = /Failed to load resource: the server responded with a status of 503/

test('a failing data file shows what went wrong, and Retry recovers', async ({
  page,
  allowConsole,
}) => {
  allowConsole(SERVER_ERROR)
  const listPage2 = '**/data/*/pages/2.json'
  let failures = 0
  await page.route(listPage2, async (route) => {
    failures += 1
    await route.fulfill({ status: 503, body: 'Service Unavailable' })
  })

  await page.goto('/?page=2')
  const alert = page.getByRole('alert')
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText('This page could not be loaded')
  await expect(alert).toContainText('The server answered 503 for data this page needs.')
  // A server error is retried before giving up (a missing file, a 404, is not).
  expect(failures).toBeGreaterThan(1)

  await page.unroute(listPage2)
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news · page 2')
  await expect(page.getByRole('article')).toHaveCount(corpus.pageSize)
  await expect(alert).toHaveCount(0)
})
