import { corpus, newest, sample, secondNewest } from './corpus'
import { NOT_FOUND_RESPONSE, expect, test } from './fixtures'

test('the home page lists the newest articles first', async ({ page }) => {
  await page.goto('/')

  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  const cards = page.getByRole('article')
  await expect(cards).toHaveCount(corpus.pageSize)
  await expect(cards.nth(0).getByRole('heading')).toHaveText(newest.title)
  await expect(cards.nth(1).getByRole('heading')).toHaveText(secondNewest.title)

  // Every card on page 1 is dated, and the dates only go back in time.
  const times = cards.getByRole('time')
  await expect(times).toHaveCount(corpus.pageSize)
  const dates = await times.evaluateAll((elements) =>
    elements.map((element) => Date.parse(element.getAttribute('datetime') ?? '')),
  )
  // toContainEqual, not toContain: NaN is not === NaN, so toContain would never find one.
  expect(dates).not.toContainEqual(NaN)
  expect(dates).toEqual([...dates].sort((a, b) => b - a))
})

test('pagination links move between the list pages', async ({ page }) => {
  await page.goto('/')
  const pagination = page.getByRole('navigation', { name: 'Pagination' })
  const previous = pagination.getByRole('link', { name: /Previous page/ })
  const next = pagination.getByRole('link', { name: /Next page/ })
  const firstTitle = page.getByRole('article').first().getByRole('heading')

  await expect(pagination).toContainText('Page 1 of 3')
  await expect(previous).toHaveCount(0)
  await expect(firstTitle).toHaveText(newest.title)

  await next.click()
  await expect(page).toHaveURL('/?page=2')
  await expect(pagination).toContainText('Page 2 of 3')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news · page 2')
  await expect(page.getByRole('article')).toHaveCount(corpus.pageSize)
  await expect(firstTitle).not.toHaveText(newest.title)

  await next.click()
  await expect(page).toHaveURL('/?page=3')
  await expect(pagination).toContainText('Page 3 of 3')
  await expect(next).toHaveCount(0)
  await expect(page.getByRole('article')).toHaveCount(corpus.lastPageSize)
  // Undated articles come after the dated ones: the sample, undated and first in sequence, is last.
  await expect(page.getByRole('article').last().getByRole('heading')).toHaveText(sample.title)

  await previous.click()
  await expect(page).toHaveURL('/?page=2')
  await previous.click()
  await expect(page).toHaveURL('/')
  await expect(pagination).toContainText('Page 1 of 3')
  await expect(firstTitle).toHaveText(newest.title)
})

test('a page past the last one is not found', async ({ page, allowConsole }) => {
  allowConsole(NOT_FOUND_RESPONSE)
  for (const url of ['/?page=4', '/?page=99']) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1 }), url).toHaveText('Not found')
    await expect(page.getByRole('article')).toHaveCount(0)
  }
})

test('a page number that is not one is not found', async ({ page }) => {
  for (const url of ['/?page=abc', '/?page=0', '/?page=-1', '/?page=1.5']) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1 }), url).toHaveText('Not found')
    await expect(page.getByRole('article')).toHaveCount(0)
  }
})
