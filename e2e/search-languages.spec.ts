/**
 * Search and layout in other languages and scripts, on a site of its own: the stories of
 * e2e/fixtures/languages/ (short news-like stories written for this project, CC0: Thai, Korean,
 * Azerbaijani, Arabic and English, each with its `language` in the front matter), built once
 * into e2e/.dist-languages-<hash of the build's inputs> and served by scripts/site/serve.ts on a
 * free port. The main fixture corpus, whose counts other specs assert, stays as it is.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { expect, test, type Page } from './fixtures'
import { fixtureBuild, ROOT } from './fixture-build'
import { freePort } from './hosts/servers'

const CORPUS = 'e2e/fixtures/languages'
const ARABIC_ID = '1a00000000000006'

const searchBox = (page: Page) =>
  page.getByRole('banner').getByRole('searchbox', { name: 'Search articles' })
const results = (page: Page) => page.getByRole('main').getByRole('article')
const firstTitle = (page: Page) => results(page).first().getByRole('heading', { level: 2 })

let server: ChildProcess | undefined
let origin = ''

// One worker builds and serves the site for every test of this file.
test.describe.configure({ mode: 'default' })

test.beforeAll(async () => {
  test.setTimeout(300_000)
  const dist = await fixtureBuild({
    name: 'languages',
    corpus: CORPUS,
    basePath: '/',
    siteUrl: 'http://127.0.0.1',
  })
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  server = spawn(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/site/serve.ts',
      '--dir',
      dist,
      '--port',
      String(port),
    ],
    { cwd: ROOT, stdio: 'ignore' },
  )
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      await fetch(`${origin}/`)
      return
    } catch (error) {
      if (Date.now() > deadline || server.exitCode !== null) throw error
      await new Promise((wake) => setTimeout(wake, 200))
    }
  }
})

test.afterAll(() => {
  server?.kill('SIGTERM')
})

test('a Thai query typed without spaces finds its story', async ({ page }) => {
  await page.goto(`${origin}/`)
  await searchBox(page).fill('ก๋วยเตี๋ยวเรือ')
  await expect(firstTitle(page)).toHaveText('ตลาดน้ำดำเนินสะดวกเปิดรับนักท่องเที่ยวอีกครั้ง')
  await expect(firstTitle(page)).toHaveAttribute('lang', 'th')
})

test('a Korean query with one mistyped jamo is corrected and finds its story', async ({ page }) => {
  await page.goto(`${origin}/`)
  // 모레 for 모래: ㅔ typed for ㅐ.
  await searchBox(page).fill('모레조각 축제')
  await expect(page.getByRole('main').getByText('Showing results for')).toContainText(
    '모래조각 축제',
  )
  await expect(firstTitle(page)).toHaveText('부산 해운대에서 국제 모래조각 축제 개막')
})

test('azerbaycan, typed without its special letters, finds Azərbaycan', async ({ page }) => {
  await page.goto(`${origin}/`)
  await searchBox(page).fill('azerbaycan')
  await expect(firstTitle(page)).toHaveText('Azərbaycan çempionatında yeni rekord')
  await expect(page.getByRole('main').locator('mark').first()).toHaveText('Azərbaycan')
})

test('an Arabic story is laid out right to left in the list, the results and its page', async ({
  page,
}) => {
  const arabicTitle = 'افتتاح معرض الكتاب في الدوحة'
  await page.goto(`${origin}/`)
  const card = page.getByRole('main').getByRole('article').filter({ hasText: arabicTitle })
  await expect(card.getByRole('heading', { level: 2 })).toHaveAttribute('dir', 'rtl')
  await expect(card.getByRole('heading', { level: 2 })).toHaveAttribute('lang', 'ar')
  // An English story's text is not turned around.
  const english = page.getByRole('main').getByRole('article').filter({ hasText: 'Book fair' })
  await expect(english.getByRole('heading', { level: 2 })).toHaveAttribute('dir', 'auto')

  await searchBox(page).fill('الكتاب')
  await expect(firstTitle(page)).toHaveText(arabicTitle)
  await expect(firstTitle(page)).toHaveAttribute('dir', 'rtl')
  await expect(firstTitle(page)).toHaveAttribute('lang', 'ar')
  const excerpt = results(page)
    .first()
    .getByText(/معرض الدوحة/)
  await expect(excerpt).toHaveAttribute('dir', 'rtl')
  await expect(excerpt).toHaveAttribute('lang', 'ar')

  await firstTitle(page).getByRole('link').click()
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(arabicTitle)
  await expect(heading).toHaveAttribute('dir', 'rtl')
  await expect(heading).toHaveAttribute('lang', 'ar')
  const body = page.getByText(/^افتتح معرض الدوحة/).locator('..')
  await expect(body).toHaveAttribute('dir', 'rtl')
  await expect(body).toHaveAttribute('lang', 'ar')

  // The prerendered page says so before any script runs.
  const html = await (await page.request.get(`${origin}/articles/${ARABIC_ID}`)).text()
  expect(html).toMatch(/<h1[^>]* lang="ar" dir="rtl"/)
})
