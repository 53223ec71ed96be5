/**
 * Reading settings: text size, font, line width and theme apply at once, after a reload, and on
 * a prerendered page before the app has started (the early settings script in every page's
 * head: scripts/site/startup/reader-settings.ts), within the Content Security Policy.
 */
import { articlePath, newest } from './corpus'
import { chunkFor } from './build-manifest'
import { expect, holdRequests, test, type Page } from './fixtures'

const style = (page: Page, selector: string, property: string) =>
  page.evaluate(
    ([s, p]) => getComputedStyle(document.querySelector(s) ?? document.body).getPropertyValue(p),
    [selector, property] as const,
  )

/** What the settings below look like once applied, as the stylesheet computes them. */
async function expectApplied(page: Page) {
  const html = page.locator('html')
  await expect(html).toHaveAttribute('data-theme', 'sepia')
  await expect(html).toHaveAttribute('data-font', 'sans')
  await expect(html).toHaveAttribute('data-width', 'narrow')
  await expect(html).toHaveAttribute('data-text-size', '6')
  expect(await style(page, 'body', 'background-color')).toBe('rgb(244, 236, 216)')
  expect(await style(page, 'html', 'font-size')).toBe('22px')
  expect(await style(page, '.article-body', 'font-family')).toMatch(/^system-ui/)
  // 56ch of the sans-serif text at 22px: narrower than the normal 68ch.
  const width = Number.parseFloat(await style(page, '.article', 'max-width'))
  expect(width).toBeGreaterThan(0)
  expect(width).toBeLessThan(22 * 0.6 * 68)
}

async function chooseSettings(page: Page) {
  await page.getByRole('button', { name: 'Reading settings' }).click()
  await expect(page.getByRole('button', { name: 'Reading settings' })).toHaveAttribute(
    'aria-expanded',
    'true',
  )
  const settings = page.getByRole('region', { name: 'Reading settings' })
  await settings.getByRole('radio', { name: 'Sepia' }).check()
  await settings.getByRole('radio', { name: 'Sans-serif' }).check()
  await settings.getByRole('radio', { name: 'Narrow' }).check()
  const size = settings.getByRole('status')
  await expect(size).toHaveText('100%')
  for (const expected of ['106.25%', '112.5%', '125%', '137.5%', '137.5%']) {
    await settings.getByRole('button', { name: 'Larger' }).click()
    await expect(size).toHaveText(expected)
  }
}

test('each setting applies at once and after a reload, and back to the defaults', async ({
  page,
}) => {
  await page.goto(articlePath(newest))
  const defaultSize = await style(page, 'html', 'font-size')
  await chooseSettings(page)
  await expectApplied(page)

  await page.reload()
  await expectApplied(page)
  await page.getByRole('button', { name: 'Reading settings' }).click()
  const settings = page.getByRole('region', { name: 'Reading settings' })
  await expect(settings.getByRole('radio', { name: 'Sepia' })).toBeChecked()
  await expect(settings.getByRole('radio', { name: 'Sans-serif' })).toBeChecked()
  await expect(settings.getByRole('radio', { name: 'Narrow' })).toBeChecked()
  await expect(settings.getByRole('status')).toHaveText('137.5%')

  await settings.getByRole('radio', { name: 'Follow the system' }).check()
  await settings.getByRole('radio', { name: 'Serif', exact: true }).check()
  await settings.getByRole('radio', { name: 'Wide' }).check()
  for (let i = 0; i < 7; i++) await settings.getByRole('button', { name: 'Smaller' }).click()
  await expect(settings.getByRole('status')).toHaveText('87.5%')
  const html = page.locator('html')
  await expect(html).not.toHaveAttribute('data-theme')
  await expect(html).not.toHaveAttribute('data-font')
  await expect(html).toHaveAttribute('data-width', 'wide')
  await expect(html).toHaveAttribute('data-text-size', '0')
  expect(await style(page, 'html', 'font-size')).toBe(`${Number.parseFloat(defaultSize) * 0.875}px`)
})

test('a prerendered page paints with the settings before the app has started', async ({
  page,
  context,
}) => {
  await page.goto('/')
  await chooseSettings(page)

  // A page whose app never starts: its entry chunk is held back for the whole test.
  const early = await context.newPage()
  const release = await holdRequests(early, chunkFor('entry').url)
  const entryAsked = early.waitForRequest(chunkFor('entry').url)
  await early.goto(articlePath(newest), { waitUntil: 'domcontentloaded' })
  await entryAsked
  await expectApplied(early)
  await expect(early.locator('html')).not.toHaveAttribute('data-app-ready')
  // Nothing inline: the settings come from the script file the policy allows.
  const inline = await early.evaluate(
    () =>
      [...document.scripts].filter(
        (s) => s.src === '' && s.type !== 'application/json' && s.type !== 'application/ld+json',
      ).length,
  )
  expect(inline).toBe(0)
  release()
  await early.close()
})
