import { newest } from './corpus'
import { expect, test } from './fixtures'

test('with the keyboard alone: skip to the content, reach an article and open it', async ({
  page,
}) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()

  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  // Hidden off screen until focused, then shown.
  await expect(skip).toBeInViewport()

  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()

  // The first stop inside the content is the newest article, past the header's links.
  await page.keyboard.press('Tab')
  const first = page.getByRole('link', { name: newest.title })
  await expect(first).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/articles/${newest.id}/${newest.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
  // Focus moves to the new content, so a screen reader starts reading there.
  await expect(page.getByRole('main')).toBeFocused()

  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: '← Back to the list' })).toBeFocused()
})
