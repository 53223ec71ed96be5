/**
 * The reader's storage under stress: two tabs in step, storage blocked (private mode, disabled),
 * storage full, and stored data that is damaged. The app keeps working and says what happened.
 */
import { articlePath, newest, secondNewest } from './corpus'
import { expect, test, type Page } from './fixtures'

const card = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('link', { name: title, exact: true }) })

const appReady = (page: Page) =>
  page.waitForFunction(() => document.documentElement.dataset.appReady === 'true')

test('two tabs stay in step: a save or a setting in one shows in the other', async ({
  page,
  context,
}) => {
  await page.goto(articlePath(newest))
  const other = await context.newPage()
  await other.goto(articlePath(newest))
  await appReady(other)

  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(other.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await page.getByRole('button', { name: 'Reading settings' }).click()
  await page.getByRole('radio', { name: 'Dark' }).check()
  await expect(other.locator('html')).toHaveAttribute('data-theme', 'dark')
})

test('storage blocked: the app works and says that saving is unavailable', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    })
  })
  await page.goto('/')
  await expect(page.getByText(/^Saving is unavailable in this browser/)).toBeVisible()
  await expect(
    card(page, newest.title).getByRole('button', { name: 'Save', exact: true }),
  ).toBeDisabled()

  await page.getByRole('link', { name: secondNewest.title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondNewest.title)
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled()
  // Settings still apply, for this visit.
  await page.getByRole('button', { name: 'Reading settings' }).click()
  await page.getByRole('radio', { name: 'Sepia' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
})

test('storage full: saving says so, and what was saved is kept', async ({ page }) => {
  await page.goto(articlePath(newest))
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible()

  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem
    Storage.prototype.setItem = function (key: string, value: string) {
      // The store's probe is small enough to fit; its data is not.
      if (key.startsWith('newsreader:') && key !== 'newsreader:probe') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      setItem.call(this, key, value)
    }
  })
  await page.goto(articlePath(secondNewest))
  await expect(page.getByText(/^Storage is full/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled()
  await page.getByRole('link', { name: 'Saved', exact: true }).click()
  await expect(page.getByRole('list', { name: 'Saved stories' }).getByRole('link')).toHaveText([
    newest.title,
  ])
})

test('damaged stored data is set aside with a notice, and the app starts without it', async ({
  page,
}) => {
  await page.goto('/')
  await page.evaluate(() => {
    localStorage.setItem('newsreader:saved', '{"v":1,"data":[')
    localStorage.setItem('newsreader:settings', '{"v":99,"data":{}}')
  })
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  await expect(
    page.getByText(
      'Your stored saved stories could not be read (it is not valid JSON), so they were set aside and the app started without them.',
    ),
  ).toBeVisible()
  await expect(
    page.getByText(/^Your stored reading settings could not be read \(it is from a newer version/),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Dismiss' }).click()
  await expect(page.getByText(/could not be read/)).toHaveCount(0)

  // The store works on: a save is kept.
  await card(page, newest.title).getByRole('button', { name: 'Save', exact: true }).click()
  await page.reload()
  await expect(
    card(page, newest.title).getByRole('button', { name: 'Saved', exact: true }),
  ).toBeVisible()
  await expect(page.getByText(/could not be read/)).toHaveCount(0)
})
