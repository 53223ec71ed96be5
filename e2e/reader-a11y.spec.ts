/**
 * axe (WCAG 2.2 A and AA) on the reader's own views and panels: Saved and History with stories
 * in them, the settings panel open, and an article in each theme the reader can choose. (The
 * shortcuts dialog is checked open in reader-keyboard.spec.ts.)
 */
import { articlePath, newest, secondNewest } from './corpus'
import { expect, expectNoViolations, test, type Page } from './fixtures'

async function saveTwo(page: Page) {
  for (const article of [newest, secondNewest]) {
    await page.goto(articlePath(article))
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible()
  }
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`Saved and History, with stories, have no WCAG violations (${colorScheme})`, async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.emulateMedia({ colorScheme })
    await saveTwo(page)
    await page.goto('/saved')
    await expect(page.getByRole('heading', { level: 1, name: 'Saved stories' })).toBeVisible()
    await expectNoViolations(makeAxeBuilder)
    await page.goto('/history')
    await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible()
    await expectNoViolations(makeAxeBuilder)
    // A list with read stories, dimmed.
    await page.goto('/')
    await expect(page.getByText('Read', { exact: true }).first()).toBeVisible()
    await expectNoViolations(makeAxeBuilder)
  })
}

for (const theme of ['Light', 'Dark', 'Sepia'] as const) {
  test(`the settings panel open, over an article in the ${theme} theme, has no WCAG violations`, async ({
    page,
    makeAxeBuilder,
  }) => {
    await page.goto(articlePath(newest))
    await page.getByRole('button', { name: 'Reading settings' }).click()
    await page.getByRole('radio', { name: theme }).check()
    await expect(page.getByRole('region', { name: 'Reading settings' })).toBeVisible()
    await expectNoViolations(makeAxeBuilder)
  })
}
