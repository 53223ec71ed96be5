import { articlePath, withHtml } from './corpus'
import { expect, expectNoViolations, test } from './fixtures'

const views = [
  { name: 'list', url: '/?page=2', heading: 'Latest news · page 2' },
  { name: 'article', url: articlePath(withHtml), heading: withHtml.title },
  { name: 'not-found', url: '/no/such/page', heading: 'Not found' },
]

for (const colorScheme of ['light', 'dark'] as const) {
  for (const view of views) {
    test(`the ${view.name} view has no WCAG violations in the ${colorScheme} scheme`, async ({
      page,
      makeAxeBuilder,
    }) => {
      await page.emulateMedia({ colorScheme })
      await page.goto(view.url)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(view.heading)
      const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)
      expect(dark).toBe(colorScheme === 'dark')

      await expectNoViolations(makeAxeBuilder)
    })
  }
}
