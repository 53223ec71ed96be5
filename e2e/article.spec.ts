import {
  articlePath,
  byNightOwlWire,
  newest,
  nightOwlWire,
  secondNewest,
  site,
  withHtml,
} from './corpus'
import { expect, scrollY, test } from './fixtures'

test('going back from an article restores the list page and its scroll position', async ({
  page,
}) => {
  await page.goto('/?page=2')
  const link = page.getByRole('article').nth(27).getByRole('heading').getByRole('link')
  const title = await link.innerText()
  await link.scrollIntoViewIfNeeded()
  const scrolled = await scrollY(page)
  expect(scrolled, 'the list is scrolled well down').toBeGreaterThan(1000)

  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page).toHaveURL(/\/articles\/[0-9a-f]{16}\/[a-z0-9-]+$/)

  await page.goBack()
  await expect(page).toHaveURL('/?page=2')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news · page 2')
  await expect.poll(async () => Math.abs((await scrollY(page)) - scrolled)).toBeLessThan(10)
  await expect(link).toBeInViewport()
})

test('"Back to the list" returns to the list the article was opened from', async ({ page }) => {
  // From a source page: not the home page the article's own list position would suggest.
  await page.goto(`/sources/${nightOwlWire.slug}`)
  await page.getByRole('link', { name: byNightOwlWire.title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(byNightOwlWire.title)

  await page.getByRole('link', { name: '← Back to the list' }).click()
  await expect(page).toHaveURL(`/sources/${nightOwlWire.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nightOwlWire.name)
})

test('"Back to the list" from a deep link goes to the list page holding the article', async ({
  page,
}) => {
  await page.goto(articlePath(withHtml))
  await page.getByRole('link', { name: '← Back to the list' }).click()
  await expect(page).toHaveURL('/?page=2')
  await expect(page.getByRole('heading', { level: 2, name: withHtml.title })).toBeVisible()
})

test('a deep link shows the article, and still does after a reload', async ({ page }) => {
  await page.goto(articlePath(secondNewest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondNewest.title)

  await page.reload()
  await expect(page).toHaveURL(articlePath(secondNewest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondNewest.title)
})

test('/articles/<id> is replaced by the URL with the slug', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()

  await page.goto(`/articles/${newest.id}`)
  await expect(page).toHaveURL(articlePath(newest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)

  // The short URL's history entry was replaced, so one step back is the home page.
  await page.goBack()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
})

test('a stale slug is replaced by the current one', async ({ page }) => {
  await page.goto(`/articles/${newest.id}/an-old-headline`)
  await expect(page).toHaveURL(articlePath(newest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
})

test('previous and next article links follow the list order', async ({ page }) => {
  await page.goto(articlePath(newest))
  const nav = page.getByRole('navigation', { name: 'More articles' })
  const previous = nav.getByRole('link', { name: /^Previous article/ })
  const next = nav.getByRole('link', { name: /^Next article/ })

  // The newest article has nothing newer.
  await expect(previous).toHaveCount(0)
  await expect(next).toContainText(secondNewest.title)

  await next.click()
  await expect(page).toHaveURL(articlePath(secondNewest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondNewest.title)
  await expect(previous).toContainText(newest.title)

  await previous.click()
  await expect(page).toHaveURL(articlePath(newest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
})

test('the next article after the last of page 1 is the first of page 2', async ({ page }) => {
  await page.goto('/?page=2')
  const firstOfPage2 = await page.getByRole('article').first().getByRole('heading').innerText()
  await page.goto('/')
  const lastOfPage1 = page.getByRole('article').last().getByRole('heading').getByRole('link')
  const lastTitle = await lastOfPage1.innerText()
  await lastOfPage1.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lastTitle)

  await page.getByRole('link', { name: /^Next article/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstOfPage2)
  await expect(page.getByRole('link', { name: /^Previous article/ })).toContainText(lastTitle)
})

test('text that looks like HTML is shown as text and never runs', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })

  await page.goto(articlePath(withHtml))
  const article = page.getByRole('article')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(withHtml.title)
  await expect(page).toHaveTitle(`${withHtml.title} · ${site.name}`)
  await expect(article.getByText(withHtml.lead, { exact: true })).toBeVisible()
  await expect(article.getByText(/<img src=x onerror="alert\(2\)">/)).toBeVisible()
  // None of it became markup: no bold, script or image elements in the article.
  await expect(article.locator('b, strong, script')).toHaveCount(0)
  await expect(article.getByRole('img')).toHaveCount(0)

  // Its list card too: the title and the excerpt come through as text.
  await page.getByRole('link', { name: '← Back to the list' }).click()
  const card = page.getByRole('article').filter({ hasText: withHtml.title })
  await expect(card.getByRole('heading')).toHaveText(withHtml.title)
  await expect(card.getByText(withHtml.lead)).toBeVisible()
  await expect(page.locator('main b, main script')).toHaveCount(0)

  expect(dialogs).toEqual([])
})
