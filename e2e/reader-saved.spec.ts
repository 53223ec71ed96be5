/**
 * Saving stories: from the article view and from a list, the Saved view (newest saved first,
 * unsave), and a saved story opening offline from the copy saved with it.
 */
import { articlePath, byNightOwlWire, newest, secondNewest } from './corpus'
import { expect, test, type Page } from './fixtures'

/** A story's card in a list, found by its title's link. */
const card = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('link', { name: title, exact: true }) })

async function saveFromArticle(page: Page, article: { id: string; slug: string }) {
  await page.goto(articlePath(article))
  const save = page.getByRole('button', { name: 'Save', exact: true })
  await expect(save).toHaveAttribute('aria-pressed', 'false')
  await save.click()
  await expect(page.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
}

test('a story saved from its article is in the Saved view, newest saved first, until unsaved', async ({
  page,
}) => {
  await saveFromArticle(page, newest)
  await saveFromArticle(page, secondNewest)

  await page.getByRole('link', { name: 'Saved', exact: true }).click()
  await expect(page).toHaveURL('/saved')
  await expect(page.getByRole('heading', { level: 1, name: 'Saved stories' })).toBeVisible()
  const saved = page.getByRole('list', { name: 'Saved stories' })
  await expect(saved.getByRole('heading', { level: 2 })).toHaveText([
    secondNewest.title,
    newest.title,
  ])

  await card(page, newest.title).getByRole('button', { name: 'Saved', exact: true }).click()
  await expect(saved.getByRole('heading', { level: 2 })).toHaveText([secondNewest.title])
  // Its button took the focus with it: the focus goes to the view's heading.
  await expect(page.getByRole('heading', { level: 1, name: 'Saved stories' })).toBeFocused()

  await page.reload()
  await expect(saved.getByRole('heading', { level: 2 })).toHaveText([secondNewest.title])
  await page.goto(articlePath(newest))
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  )
})

test('a story saved from a list is saved, and unsaved there', async ({ page }) => {
  await page.goto('/')
  const story = card(page, secondNewest.title)
  await story.getByRole('button', { name: 'Save', exact: true }).click()
  const saved = story.getByRole('button', { name: 'Saved', exact: true })
  await expect(saved).toHaveAttribute('aria-pressed', 'true')
  // Which story each button saves: its title describes it.
  await expect(saved).toHaveAccessibleDescription(secondNewest.title)

  await page.goto('/saved')
  await expect(page.getByRole('list', { name: 'Saved stories' }).getByRole('link')).toHaveText([
    secondNewest.title,
  ])

  await page.goto('/')
  await saved.click()
  await expect(story.getByRole('button', { name: 'Save', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  )
  await page.goto('/saved')
  await expect(page.getByText('Nothing saved yet')).toBeVisible()
})

test('a saved story opens offline from its saved copy', async ({ page, context, allowConsole }) => {
  allowConsole(/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/)
  await saveFromArticle(page, byNightOwlWire)
  // A fresh page load: nothing of that story is in memory, and the service worker is off.
  await page.goto(articlePath(newest))
  await page.getByRole('link', { name: 'Saved', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Saved stories' })).toBeVisible()

  await context.setOffline(true)
  const failed = page.waitForEvent('requestfailed', (request) =>
    request.url().endsWith(`/articles/${byNightOwlWire.id.slice(0, 2)}/${byNightOwlWire.id}.json`),
  )
  await page.getByRole('link', { name: byNightOwlWire.title }).click()
  await failed
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(byNightOwlWire.title)
  await expect(page).toHaveURL(articlePath(byNightOwlWire))
  await expect(
    page.getByText('A similar plan was shelved two years ago for lack of money.', { exact: false }),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible()
})

test('a search result is saved from its own button, and shows Read once opened', async ({
  page,
}) => {
  await page.goto(`/search?q=${encodeURIComponent(newest.title)}`)
  const result = card(page, newest.title)
  await result.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(result.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(result.getByText('Read', { exact: true })).toHaveCount(0)

  await result.getByRole('link', { name: newest.title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newest.title)
  await page.goBack()
  // Opened is read: the result says so in words, and its title is dimmed.
  await expect(card(page, newest.title).getByText('Read', { exact: true })).toBeVisible()

  await page.getByRole('link', { name: 'Saved', exact: true }).click()
  await expect(
    page.getByRole('list', { name: 'Saved stories' }).getByRole('heading', { level: 2 }),
  ).toHaveText([newest.title])
})
