/**
 * The keyboard shortcuts feed readers share: j/k, o or Enter, s, m, v, /, g h, g s, ? and Esc.
 * Never while typing in a field or with a modifier key; the settings turn them off.
 */
import { articlePath, newest, secondNewest, withHtml } from './corpus'
import { expect, expectNoViolations, test, type Page } from './fixtures'

const card = (page: Page, title: string) =>
  page.getByRole('article').filter({ has: page.getByRole('link', { name: title, exact: true }) })

const link = (page: Page, title: string) => page.getByRole('link', { name: title, exact: true })

test('in a list, j and k move a visible focus from story to story, and o or Enter opens it', async ({
  page,
}) => {
  await page.goto('/')
  await page.keyboard.press('j')
  await expect(link(page, newest.title)).toBeFocused()
  expect(await link(page, newest.title).evaluate((a) => a.matches(':focus-visible'))).toBe(true)
  await page.keyboard.press('j')
  await expect(link(page, secondNewest.title)).toBeFocused()
  await page.keyboard.press('k')
  await expect(link(page, newest.title)).toBeFocused()
  await page.keyboard.press('k')
  await expect(link(page, newest.title)).toBeFocused()

  await page.keyboard.press('j')
  await page.keyboard.press('o')
  await expect(page).toHaveURL(articlePath(secondNewest))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(secondNewest.title)

  await page.goBack()
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  await page.keyboard.press('j')
  await expect(link(page, newest.title)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(articlePath(newest))
})

test('in a list, s saves and m marks the focused story', async ({ page }) => {
  await page.goto('/')
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('s')
  const story = card(page, secondNewest.title)
  await expect(story.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await page.keyboard.press('m')
  await expect(story.getByText('Read', { exact: true })).toBeVisible()
  await page.keyboard.press('m')
  await expect(story.getByText('Read', { exact: true })).toHaveCount(0)
  await page.keyboard.press('s')
  await expect(story.getByRole('button', { name: 'Save', exact: true })).toHaveAttribute(
    'aria-pressed',
    'false',
  )
})

test('on an article, j and k open the next and previous stories, s saves, m marks, v opens the original', async ({
  page,
  context,
}) => {
  await page.goto(articlePath(withHtml))
  const next = await page.getByRole('link', { name: /^Next article/ }).getAttribute('href')
  await page.keyboard.press('s')
  await expect(page.getByRole('button', { name: 'Saved', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  // Opened is read: m marks it unread, and read again.
  await page.keyboard.press('m')
  await expect(page.getByRole('button', { name: 'Mark read' })).toBeVisible()
  await page.keyboard.press('m')
  await expect(page.getByRole('button', { name: 'Mark unread' })).toBeVisible()

  await context.route('https://example.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Original</title>' }),
  )
  const original = context.waitForEvent('page')
  await page.keyboard.press('v')
  const opened = await original
  expect(opened.url()).toBe(new URL(withHtml.url).href)
  // A new tab that cannot reach back into the reader.
  expect(await opened.evaluate(() => window.opener)).toBeNull()
  await opened.close()

  await page.keyboard.press('j')
  await expect(page).toHaveURL(next ?? '')
  await page.keyboard.press('k')
  await expect(page).toHaveURL(articlePath(withHtml))
})

test('g h goes home, g s to the saved stories, / to the search box', async ({ page }) => {
  await page.goto(articlePath(newest))
  await page.keyboard.press('g')
  await page.keyboard.press('s')
  await expect(page).toHaveURL('/saved')
  await page.keyboard.press('g')
  await page.keyboard.press('h')
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible()
  // h alone is no shortcut.
  await page.keyboard.press('h')
  await expect(page).toHaveURL('/')
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeFocused()
})

test('? lists every shortcut in a dialog that keeps the focus, closes with Esc, and gives the focus back', async ({
  page,
  makeAxeBuilder,
}) => {
  await page.goto('/')
  await page.keyboard.press('j')
  await expect(link(page, newest.title)).toBeFocused()
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  for (const key of ['j', 'k', 'o', 'Enter', 's', 'm', 'v', '/', 'g h', 'g s', '?', 'Esc']) {
    await expect(dialog.getByText(key, { exact: true })).toBeVisible()
  }
  const close = dialog.getByRole('button', { name: 'Close' })
  await expect(close).toBeFocused()
  for (const key of ['Tab', 'Tab', 'Shift+Tab']) {
    await page.keyboard.press(key)
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)
  }
  // Shortcuts wait while it is open.
  await page.keyboard.press('j')
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)

  await expectNoViolations(makeAxeBuilder)

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(link(page, newest.title)).toBeFocused()

  // Its Close button closes it too.
  await page.keyboard.press('?')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
})

test('no shortcut while typing, with a modifier key, or once the settings turn them off', async ({
  page,
}) => {
  await page.goto('/')
  const search = page.getByRole('searchbox', { name: 'Search articles' })
  await search.click()
  await page.keyboard.type('jk?')
  await expect(search).toHaveValue('jk?')
  await expect(search).toBeFocused()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  await page.goto('/')
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('Alt+j')
  await page.keyboard.press('Control+s')
  await expect(link(page, newest.title)).not.toBeFocused()
  await expect(
    card(page, newest.title).getByRole('button', { name: 'Saved', exact: true }),
  ).toHaveCount(0)

  await page.getByRole('button', { name: 'Reading settings' }).click()
  await page.getByRole('checkbox', { name: 'Keyboard shortcuts' }).uncheck()
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('j')
  await page.keyboard.press('?')
  await expect(link(page, newest.title)).not.toBeFocused()
  await expect(page.getByRole('dialog')).toHaveCount(0)

  // Still off after a reload; on again from the settings.
  await page.reload()
  await page.keyboard.press('j')
  await expect(link(page, newest.title)).not.toBeFocused()
  await page.getByRole('button', { name: 'Reading settings' }).click()
  await page.getByRole('checkbox', { name: 'Keyboard shortcuts' }).check()
  await page.getByRole('heading', { level: 1 }).click()
  await page.keyboard.press('j')
  await expect(link(page, newest.title)).toBeFocused()
})
