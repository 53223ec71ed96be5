import { articlePath, byNightOwlWire, nightOwlWire, sources } from './corpus'
import { expect, test } from './fixtures'

test('the home page lists the sources with their article counts', async ({ page }) => {
  await page.goto('/')
  const list = page.getByRole('navigation', { name: 'Sources' })
  await expect(list.getByRole('link')).toHaveText(
    sources.map((source) => `${source.name} (${source.count})`),
  )
})

test('a source page lists only that source’s articles', async ({ page }) => {
  await page.goto('/')
  await page
    .getByRole('navigation', { name: 'Sources' })
    .getByRole('link', { name: `${nightOwlWire.name} (${nightOwlWire.titles.length})` })
    .click()

  await expect(page).toHaveURL(`/sources/${nightOwlWire.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nightOwlWire.name)
  const cards = page.getByRole('article')
  await expect(cards.getByRole('heading')).toHaveText(nightOwlWire.titles)
  for (const card of await cards.all()) {
    await expect(card.getByRole('link', { name: nightOwlWire.name })).toBeVisible()
  }
  // Three articles fit on one page.
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toHaveCount(0)
})

test('a large source pages through its own articles', async ({ page }) => {
  const [largest] = sources
  await page.goto(`/sources/${largest.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(largest.name)
  const pagination = page.getByRole('navigation', { name: 'Pagination' })
  await expect(pagination).toContainText('Page 1 of 2')
  await pagination.getByRole('link', { name: /Next page/ }).click()
  await expect(page).toHaveURL(`/sources/${largest.slug}?page=2`)
  await expect(page.getByRole('article')).toHaveCount(largest.count - 30)
  for (const card of await page.getByRole('article').all()) {
    await expect(card.getByRole('link', { name: largest.name, exact: true })).toBeVisible()
  }
})

test('the source link on an article opens that source', async ({ page }) => {
  await page.goto(articlePath(byNightOwlWire))
  await page
    .getByRole('article')
    .getByRole('link', { name: byNightOwlWire.source, exact: true })
    .click()
  await expect(page).toHaveURL(`/sources/${nightOwlWire.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(nightOwlWire.name)
  await expect(page.getByRole('article').getByRole('heading')).toHaveText(nightOwlWire.titles)
})
