import { articlePath, corpus, newest, nightOwlWire, sample, site, sources } from './corpus'
import { expect, test, type Page } from './fixtures'

/** No role names these head elements: they are found by selector. */
function description(page: Page) {
  return page.locator('meta[name="description"]')
}

function canonical(page: Page) {
  return page.locator('link[rel="canonical"]')
}

async function expectHead(page: Page, title: string, content: string) {
  await expect(page).toHaveTitle(title)
  await expect(description(page), 'exactly one description').toHaveCount(1)
  await expect(description(page)).toHaveAttribute('content', content)
}

const homeDescription = `The latest of ${corpus.total} articles from ${sources.length} sources`

test('the list pages have a title and a description', async ({ page }) => {
  await page.goto('/')
  await expectHead(page, `Latest news · ${site.name}`, `${homeDescription}.`)

  await page.getByRole('link', { name: /Next page/ }).click()
  await expect(page).toHaveURL('/?page=2')
  await expectHead(
    page,
    `Latest news, page 2 of 3 · ${site.name}`,
    `${homeDescription}, page 2 of 3.`,
  )
})

test('a list page opened by its address has only its own title and description', async ({
  page,
}) => {
  await page.goto('/?page=2')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news · page 2')
  await expectHead(
    page,
    `Latest news, page 2 of 3 · ${site.name}`,
    `${homeDescription}, page 2 of 3.`,
  )
  await expect(page.locator('title'), 'one title element').toHaveCount(1)
})

test('an article has its own title and its lead as the description', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('link', { name: newest.title }).click()
  await expect(page).toHaveURL(articlePath(newest))
  // The list's title and description went away with the list.
  await expectHead(page, `${newest.title} · ${site.name}`, newest.excerpt)

  await page.goBack()
  await expectHead(page, `Latest news · ${site.name}`, `${homeDescription}.`)
})

test('an article opened by its address has its title and description', async ({ page }) => {
  await page.goto(articlePath(sample))
  await expectHead(page, `${sample.title} · ${site.name}`, sample.excerpt)
})

test('leaving an article leaves its canonical link behind', async ({ page, baseURL }) => {
  const articleUrl = `${baseURL}${articlePath(sample)}`
  await page.goto(articlePath(sample))
  await expect(canonical(page)).toHaveAttribute('href', articleUrl)

  await page.getByRole('link', { name: '← Back to the list' }).click()
  await expect(page).toHaveTitle(`Latest news, page 3 of 3 · ${site.name}`)
  // The list is not the article: no canonical link may still name it.
  for (const link of await canonical(page).all()) {
    await expect(link).not.toHaveAttribute('href', articleUrl)
  }
})

test('a source page has a title and a description', async ({ page }) => {
  await page.goto(`/sources/${nightOwlWire.slug}`)
  await expectHead(
    page,
    `${nightOwlWire.name} · ${site.name}`,
    `3 articles from ${nightOwlWire.name}, newest first.`,
  )
})

test('the not-found view has a title', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page).toHaveTitle(`Not found · ${site.name}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found')
})
