/**
 * Read state: a story opened is read; lists show it dimmed and say "Read" in words; it can be
 * marked unread again; the History view lists read stories newest first and can be cleared.
 */
import { articlePath, newest, secondNewest } from './corpus'
import { expect, test, type Page } from './fixtures'

const card = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('link', { name: title, exact: true }) })

const fontWeight = (page: Page, title: string) =>
  page
    .getByRole('link', { name: title, exact: true })
    .evaluate((link) => getComputedStyle(link).fontWeight)

test('an opened story shows as read in the list, in words and dimmed, until marked unread', async ({
  page,
}) => {
  await page.goto('/')
  const story = card(page, newest.title)
  await expect(story.getByText('Read', { exact: true })).toHaveCount(0)
  const unreadWeight = await fontWeight(page, newest.title)

  await page.getByRole('link', { name: newest.title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
  await expect(page.getByRole('button', { name: 'Mark unread' })).toBeVisible()
  await page.getByRole('link', { name: '← Back to the list' }).click()

  await expect(story.getByText('Read', { exact: true })).toBeVisible()
  expect(await fontWeight(page, newest.title)).not.toBe(unreadWeight)
  // The others are as they were.
  await expect(card(page, secondNewest.title).getByText('Read', { exact: true })).toHaveCount(0)

  await story.getByRole('button', { name: 'Mark unread', exact: true }).click()
  await expect(story.getByText('Read', { exact: true })).toHaveCount(0)
  expect(await fontWeight(page, newest.title)).toBe(unreadWeight)
  await page.reload()
  await expect(story.getByRole('button', { name: 'Mark read', exact: true })).toBeVisible()
})

test('the article view marks its story unread, and read again', async ({ page }) => {
  await page.goto(articlePath(secondNewest))
  await page.getByRole('button', { name: 'Mark unread' }).click()
  await page.goto('/')
  await expect(card(page, secondNewest.title).getByText('Read', { exact: true })).toHaveCount(0)
  await page.goto('/history')
  await expect(page.getByText('No history')).toBeVisible()
})

test('History lists the stories read, newest first, and clears them after a confirmation', async ({
  page,
}) => {
  await page.goto(articlePath(newest))
  await page.goto(articlePath(secondNewest))
  await page.getByRole('link', { name: 'History', exact: true }).click()
  await expect(page).toHaveURL('/history')
  const list = page.getByRole('list', { name: 'Stories you read' })
  await expect(list.getByRole('heading', { level: 2 })).toHaveText([
    secondNewest.title,
    newest.title,
  ])

  await page.getByRole('button', { name: 'Clear history' }).click()
  await expect(page.getByRole('group')).toContainText('Clear 2 stories from your history?')
  await expect(page.getByRole('button', { name: 'Yes, clear history' })).toBeFocused()
  await page.getByRole('button', { name: 'Keep it' }).click()
  await expect(page.getByRole('button', { name: 'Clear history' })).toBeFocused()
  await expect(list.getByRole('heading', { level: 2 })).toHaveCount(2)

  await page.getByRole('button', { name: 'Clear history' }).click()
  await page.getByRole('button', { name: 'Yes, clear history' }).click()
  await expect(page.getByText('No history')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeFocused()
  await page.goto('/')
  await expect(card(page, newest.title).getByText('Read', { exact: true })).toHaveCount(0)
})
