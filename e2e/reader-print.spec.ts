/** Printing an article: the story alone (title, source, date, text and its URL). */
import { articlePath, withHtml } from './corpus'
import { expect, test } from './fixtures'

test('an article prints as the story alone, with its URL', async ({ page }) => {
  await page.goto(articlePath(withHtml))
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible()
  await page.emulateMedia({ media: 'print' })

  const article = page.getByRole('article')
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(withHtml.title)
  await expect(article.getByText(withHtml.lead)).toBeVisible()
  await expect(article.getByRole('link', { name: withHtml.source })).toBeVisible()
  await expect(article.locator('time').first()).toBeVisible()
  // The page's address, and the original's after its link.
  await expect(article.getByText(`http://127.0.0.1:`, { exact: false })).toBeVisible()
  const after = await article
    .getByRole('link', { name: 'Original article' })
    .evaluate((a) => getComputedStyle(a, '::after').content)
  expect(after).toContain('https://example.com/letters/e2e0000000000012')

  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('contentinfo')).toBeHidden()
  const controls = [
    ...(await page.getByRole('button', { includeHidden: true }).all()),
    ...(await page.getByRole('navigation', { includeHidden: true }).all()),
  ]
  expect(controls.length).toBeGreaterThan(3)
  for (const control of controls) await expect(control).toBeHidden()
  await expect(page.getByRole('link', { name: '← Back to the list' })).toBeHidden()
})
