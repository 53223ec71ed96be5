/**
 * An article whose title, text, source, author, tags, license and url carry HTML, <script>,
 * `</script>`, event-handler attributes and javascript: text (withHtml, fixture 012). Everywhere it
 * shows (a list, its source's page, the article, a search result, the prerendered HTML, the feeds)
 * the text appears literally, nothing becomes an element, no script runs, and the only link made
 * from its url is an http(s) one. (Build-time rejection of a javascript: url is a unit test:
 * scripts/site/plugins/corpus.test.ts; the prerender's escaping of many more such strings is
 * scripts/site/prerender/hostile-build.test.ts.)
 */
import type { APIRequestContext } from '@playwright/test'
import { load } from 'cheerio'
import { articlePath, withHtml } from './corpus'
import { checkAtom, checkRss } from './feed-check'
import { expect, test, type Page } from './fixtures'

/** Elements the hostile text would have made had it been parsed as HTML. */
const INJECTED =
  'main b, main img, main svg, main script:not([type^="application/"]), [onerror], [onload], [onmouseover]'

/** Records every dialog (alert, confirm, prompt) the page opens: none may. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return dialogs
}

/** Every link on the page points to http(s) or to the site itself: none to javascript: or data:. */
async function expectOnlySafeLinks(page: Page) {
  const hrefs = await page
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
  expect(hrefs.length).toBeGreaterThan(0)
  for (const href of hrefs) expect(href, href).toMatch(/^(https?:\/\/|\/|#)/)
}

async function expectNothingInjected(page: Page) {
  await expect(page.locator(INJECTED)).toHaveCount(0)
  await expectOnlySafeLinks(page)
}

test('the article shows its title, text, source and front matter as text', async ({ page }) => {
  const dialogs = watchDialogs(page)
  await page.goto(articlePath(withHtml))
  const article = page.getByRole('main').getByRole('article')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(withHtml.title)
  await expect(article.getByText(withHtml.lead, { exact: true })).toBeVisible()
  await expect(article.getByText(withHtml.last, { exact: true })).toBeVisible()
  await expect(article.getByRole('link', { name: withHtml.source, exact: true })).toHaveAttribute(
    'href',
    `/sources/${withHtml.sourceSlug}`,
  )
  await expect(article.getByText(`By ${withHtml.author}`, { exact: true })).toBeVisible()
  await expect(article.getByText(`Tags: ${withHtml.tags.join(', ')}`)).toBeVisible()
  await expect(article).toContainText(withHtml.license)
  // The url is an http URL full of markup characters: linked as the URL it is, nothing more.
  const original = article.locator(`a[href^="https://example.com/letters/"]`)
  await expect(original).toHaveCount(1)
  expect(new URL((await original.getAttribute('href')) ?? '').href).toBe(new URL(withHtml.url).href)
  await expectNothingInjected(page)
  expect(dialogs).toEqual([])
})

test('its source’s page and the list show the source name and the excerpt as text', async ({
  page,
}) => {
  const dialogs = watchDialogs(page)
  await page.goto('/')
  // The source list on the home page.
  const sourceLink = page.getByRole('link', { name: `${withHtml.source} (1)`, exact: true })
  await expect(sourceLink).toHaveAttribute('href', `/sources/${withHtml.sourceSlug}`)
  await expectNothingInjected(page)

  await sourceLink.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(withHtml.source)
  await expect(page).toHaveTitle(`${withHtml.source} · Newsreader`)
  const card = page.getByRole('main').getByRole('article')
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(withHtml.title)
  await expect(card.getByText(withHtml.lead)).toBeVisible()
  await expect(card.getByRole('link', { name: withHtml.source, exact: true })).toBeVisible()
  await expectNothingInjected(page)
  expect(dialogs).toEqual([])
})

test('a search result shows the hostile title, source and excerpt as text', async ({ page }) => {
  const dialogs = watchDialogs(page)
  await page.goto('/search?q=onload')
  const result = page.getByRole('main').getByRole('article')
  await expect(result).toHaveCount(1)
  await expect(result.getByRole('heading', { level: 2 })).toHaveText(withHtml.title)
  await expect(result.getByRole('link', { name: withHtml.source, exact: true })).toBeVisible()
  // The excerpt is cut around the match in the last paragraph: its words, markup and all.
  await expect(result).toContainText('<svg onload=alert(10)>')
  await expect(result.locator('mark')).toHaveText(['onload'])
  // The source filter chip carries the name too.
  await expect(
    page.getByRole('navigation', { name: 'Filter by source' }).getByRole('link', {
      name: `${withHtml.source} (1)`,
    }),
  ).toBeVisible()
  await expectNothingInjected(page)
  expect(dialogs).toEqual([])
})

async function rawHtml(request: APIRequestContext, path: string) {
  const response = await request.get(path)
  expect(response.status(), path).toBe(200)
  const html = await response.text()
  return { html, $: load(html) }
}

test('the prerendered HTML holds the hostile values as text, and no script but the app’s', async ({
  request,
}) => {
  for (const path of [articlePath(withHtml), `/sources/${withHtml.sourceSlug}`]) {
    const { html, $ } = await rawHtml(request, path)
    // Only the app's module script, the early reading-settings file and inert JSON blocks; the
    // JSON never closes its element.
    expect(
      $('script:not([type])')
        .toArray()
        .map((script) => $(script).attr('src')),
      path,
    ).toEqual([expect.stringMatching(/\/assets\/reader-settings-[\w-]+\.js$/)])
    const scripts = $('script[type]').toArray()
    for (const script of scripts) {
      expect($(script).attr('type'), path).toMatch(/^(module|application\/(ld\+)?json)$/)
      if ($(script).attr('type') !== 'module') {
        expect(() => {
          JSON.parse($(script).text())
        }, path).not.toThrow()
      }
    }
    expect(html, path).not.toContain('<script>alert(')
    expect($('main b, main img, main svg, [onerror], [onload], [onmouseover]').length, path).toBe(0)
    expect($('main').text(), path).toContain(withHtml.source)
  }
  const { $ } = await rawHtml(request, articlePath(withHtml))
  const text = $('main').text()
  for (const value of [withHtml.lead, withHtml.last, withHtml.author, withHtml.license]) {
    expect(text).toContain(value)
  }
  // The JSON-LD carries the values exactly.
  const ld: unknown = JSON.parse($('script[type="application/ld+json"]').first().text())
  expect(ld).toMatchObject({ headline: withHtml.title })
  expect(JSON.stringify(ld)).toContain(JSON.stringify(withHtml.author).slice(1, -1))
})

test('the feeds carry the hostile title and source as text', async ({ request }) => {
  for (const [path, check] of [
    ['/rss.xml', checkRss],
    ['/atom.xml', checkAtom],
  ] as const) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    const xml = await response.text()
    const feed = check(xml)
    expect(feed.problems, path).toEqual([])
    const entry = feed.entries.find((e) => e.link?.endsWith(articlePath(withHtml)))
    expect(entry, `${path} has the article`).toBeDefined()
    expect(entry?.title, path).toBe(withHtml.title)
    expect(entry?.summary, path).toBe(withHtml.lead)
    expect([withHtml.source, withHtml.author], path).toContain(entry?.by)
    // Escaped, not raw markup, in the XML itself.
    expect(xml, path).not.toContain('<script>alert(')
  }
})
