import { articlePath, newest, withHtml } from './corpus'
import { expect, expectNoViolations, test, type Page } from './fixtures'

/**
 * What the build chose for the newest fixture story, written out by hand: five stories that also
 * "report progress on" something, the first of them this one (Valley Courier, 36 days older).
 */
const firstRelated = {
  id: 'e2e0000000000048',
  slug: 'harbor-council-reports-progress-on-a-new-ferry-terminal',
  title: 'Harbor council reports progress on a new ferry terminal',
  source: 'Valley Courier',
  date: 'May 25, 2025',
}

const related = (page: Page) => page.getByRole('region', { name: 'Related stories' })

test('a deep link shows the related stories after the article', async ({ page }) => {
  await page.goto(articlePath(newest))
  const section = related(page)
  await expect(section.getByRole('heading', { level: 2 })).toHaveText('Related stories')
  await expect(section.getByRole('listitem')).toHaveCount(5)
  const first = section.getByRole('listitem').first()
  await expect(first.getByRole('link')).toHaveText(firstRelated.title)
  await expect(first.getByRole('link')).toHaveAttribute('href', articlePath(firstRelated))
  await expect(first).toContainText(firstRelated.source)
  await expect(first).toContainText(firstRelated.date)
  // After the story and its footer, before the previous and next links.
  const order = await page
    .getByRole('article')
    .evaluate((article) => [...article.children].map((child) => child.className || child.tagName))
  expect(order.indexOf('related')).toBe(order.indexOf('article-footer') + 1)
})

test('the related stories are in the page without JavaScript', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  try {
    const page = await context.newPage()
    await page.goto(articlePath(newest))
    const section = related(page)
    await expect(section.getByRole('heading', { level: 2 })).toHaveText('Related stories')
    await expect(section.getByRole('link')).toHaveCount(5)
    const link = section.getByRole('link', { name: firstRelated.title })
    await expect(link).toHaveAttribute('href', articlePath(firstRelated))
    await link.click()
    await expect(page).toHaveURL(articlePath(firstRelated))
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstRelated.title)
  } finally {
    await context.close()
  }
})

test('a related story opens in the app, without loading a new page', async ({ page }) => {
  await page.goto(articlePath(newest))
  await page.evaluate(() => Reflect.set(window, 'relatedMarker', 'still here'))
  await related(page).getByRole('link', { name: firstRelated.title }).click()
  await expect(page).toHaveURL(articlePath(firstRelated))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstRelated.title)
  expect(await page.evaluate(() => Reflect.get(window, 'relatedMarker'))).toBe('still here')
  // The story it opened has related stories of its own.
  await expect(related(page).getByRole('link')).not.toHaveCount(0)
})

test('the related stories are reached with the keyboard', async ({ page }) => {
  await page.goto(articlePath(newest))
  await page.getByRole('link', { name: 'Original article' }).focus()
  await page.keyboard.press('Tab')
  const first = related(page).getByRole('link', { name: firstRelated.title })
  await expect(first).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(related(page).getByRole('link').nth(1)).toBeFocused()

  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(articlePath(firstRelated))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(firstRelated.title)
})

test('a story with nothing related has no section, not an empty heading', async ({ page }) => {
  await page.goto(articlePath(withHtml))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(withHtml.title)
  await expect(page.getByRole('navigation', { name: 'More articles' })).toBeVisible()
  await expect(related(page)).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Related stories' })).toHaveCount(0)
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the related stories have no WCAG violations in the ${colorScheme} scheme`, async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.emulateMedia({ colorScheme })
    await page.goto(articlePath(newest))
    await expect(related(page)).toBeVisible()
    await expectNoViolations(makeAxeBuilder)
  })
}
