/**
 * The same built fixture site served the ways static hosts really serve files (issue #22), and the
 * reader's core journeys on each, each ending in a reload:
 *
 * - `github-pages`: exact files and pretty URLs, anything else 404.html with status 404 (and
 *   Cloudflare Pages, for a site with a 404.html);
 * - `netlify`: pretty URLs and the `_redirects` rules the build ships;
 * - `spa-rewrite`: every unknown path answered with /index.html and status 200 (nginx
 *   `try_files $uri $uri/ /index.html`, Firebase and Vercel rewrites of `**`);
 * - `vite-preview`: the real `vite preview`;
 * - `sub-path`: a build with BASE_PATH=/news/, served under /news/ like a GitHub project site;
 * - `nginx` and `caddy`: docs/deploy/nginx.conf and docs/deploy/Caddyfile, as the README shows them
 *   (skipped, saying so, where the binary is not installed).
 *
 * Servers start in the worker that first needs them and stop, by process id, when it ends.
 */
import { load } from 'cheerio'
import { test as base } from './fixtures'
import { NOT_FOUND_RESPONSE, expect, type Page } from './fixtures'
import { articlePath, corpus, fundingSearch, newest, nightOwlWire, sample } from './corpus'
import { installed, startCaddy, startNginx, startVitePreview, subPathBuild } from './hosts/servers'
import { startStaticHost, type RunningHost } from './hosts/static-host'
import { expectFirstMain, expectMainNeverShowed, watchMain } from './first-paint'

const DIST = process.env.E2E_DIST ?? 'e2e/.dist'
const SUB_PATH = '/news/'

type HostName =
  'github-pages' | 'netlify' | 'spa-rewrite' | 'vite-preview' | 'sub-path' | 'nginx' | 'caddy'

type Host = {
  name: HostName
  /** Why the host cannot run here, or null. */
  missing: () => string | null
  start: () => Promise<RunningHost>
  /** The base path the site is served under. */
  base: string
  /** Answers /articles/<id> with a 301 to the canonical URL (its rule is configured). */
  redirectsShortLinks: boolean
  /** Serves `/x` from `x.html`, so the short URL's own page (its head, its JSON-LD) is served. */
  servesPrettyUrls: boolean
  /** Answers a missing page with the home page (index.html), not the bare app: issue #22. */
  answersPagesWithHome: boolean
}

const HOSTS: Host[] = [
  {
    name: 'github-pages',
    missing: () => null,
    start: () => startStaticHost({ root: DIST, mode: 'github-pages' }),
    base: '/',
    redirectsShortLinks: false,
    servesPrettyUrls: true,
    answersPagesWithHome: false,
  },
  {
    name: 'netlify',
    missing: () => null,
    start: () => startStaticHost({ root: DIST, mode: 'netlify' }),
    base: '/',
    redirectsShortLinks: false,
    servesPrettyUrls: true,
    answersPagesWithHome: false,
  },
  {
    name: 'spa-rewrite',
    missing: () => null,
    start: () => startStaticHost({ root: DIST, mode: 'spa-rewrite' }),
    base: '/',
    redirectsShortLinks: false,
    servesPrettyUrls: false,
    answersPagesWithHome: true,
  },
  {
    name: 'vite-preview',
    missing: () => null,
    start: () => startVitePreview(DIST),
    base: '/',
    redirectsShortLinks: false,
    servesPrettyUrls: true,
    answersPagesWithHome: true,
  },
  {
    name: 'sub-path',
    missing: () => null,
    start: async () =>
      startStaticHost({ root: await subPathBuild(SUB_PATH), mode: 'github-pages', base: SUB_PATH }),
    base: SUB_PATH,
    redirectsShortLinks: false,
    servesPrettyUrls: true,
    answersPagesWithHome: false,
  },
  {
    name: 'nginx',
    missing: () =>
      installed('nginx') ? null : 'nginx is not installed (apt-get install -y nginx-light)',
    start: () => startNginx(DIST),
    base: '/',
    redirectsShortLinks: true,
    servesPrettyUrls: true,
    answersPagesWithHome: false,
  },
  {
    name: 'caddy',
    missing: () =>
      installed('caddy') ? null : 'caddy is not installed (apt-get install -y caddy)',
    start: () => startCaddy(DIST),
    base: '/',
    redirectsShortLinks: true,
    servesPrettyUrls: true,
    answersPagesWithHome: false,
  },
]

/** Each worker starts a host when a test first asks for it, and stops them all when it ends. */
const test = base.extend<object, { hostFor: (host: Host) => Promise<RunningHost> }>({
  hostFor: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from it
    async ({}, use) => {
      const started = new Map<HostName, Promise<RunningHost>>()
      await use((host) => {
        let running = started.get(host.name)
        if (running === undefined) {
          running = host.start()
          started.set(host.name, running)
        }
        return running
      })
      const all = await Promise.allSettled(started.values())
      await Promise.all(
        all.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)),
      )
    },
    { scope: 'worker', timeout: 180_000 },
  ],
})

// A host's first test may wait for its server (vite preview, the sub-path build) to start.
test.describe.configure({ timeout: 120_000 })

/** The heading of the view, which every journey checks before and after its reload. */
const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const main = (page: Page) => page.getByRole('main')
const resultStatus = (page: Page) => main(page).getByRole('status')

async function reloadKeeps(page: Page, check: () => Promise<void>) {
  await check()
  await page.reload()
  await check()
}

for (const host of HOSTS) {
  test.describe(host.name, () => {
    let origin = ''
    /** An absolute URL of the site on this host, for a path written from the site's root. */
    const at = (path: string) => `${origin}${host.base.replace(/\/$/, '')}${path}`
    /** The same as the app writes it in its links and the address bar. */
    const inSite = (path: string) => `${host.base.replace(/\/$/, '')}${path}`

    test.beforeEach(async ({ hostFor }) => {
      const missing = host.missing()
      test.skip(missing !== null, `${host.name}: ${missing ?? ''}`)
      origin = (await hostFor(host)).origin
    })

    test('home', async ({ page }) => {
      await page.goto(at('/'))
      await reloadKeeps(page, async () => {
        await expect(heading(page)).toHaveText('Latest news')
        await expect(main(page).getByRole('article')).toHaveCount(corpus.pageSize)
        await expect(main(page).getByRole('link', { name: newest.title })).toBeVisible()
      })
    })

    test('a source page', async ({ page }) => {
      await page.goto(at(`/sources/${nightOwlWire.slug}`))
      await reloadKeeps(page, async () => {
        await expect(heading(page)).toHaveText(nightOwlWire.name)
        await expect(main(page).getByRole('article').getByRole('heading', { level: 2 })).toHaveText(
          nightOwlWire.titles,
        )
      })
    })

    test('an article deep link, canonical', async ({ page }) => {
      await page.goto(at(articlePath(newest)))
      await reloadKeeps(page, async () => {
        await expect(heading(page)).toHaveText(newest.title)
        await expect(page).toHaveURL(at(articlePath(newest)))
      })
    })

    test('an article deep link, short, lands on the canonical URL', async ({ page, request }) => {
      await page.goto(at(`/articles/${newest.id}`))
      await expect(page).toHaveURL(at(articlePath(newest)))
      await reloadKeeps(page, async () => {
        await expect(heading(page)).toHaveText(newest.title)
      })

      // What a link-preview bot that follows no refresh gets: a 301, or the article's JSON-LD.
      const short = await request.get(at(`/articles/${newest.id}`), { maxRedirects: 0 })
      if (host.redirectsShortLinks) {
        expect(short.status()).toBe(301)
        expect(new URL(short.headers().location ?? '', origin).pathname).toBe(
          inSite(articlePath(newest)),
        )
        return
      }
      // A host that answers /articles/<id> with index.html serves the home page's head instead:
      // the README's rules map `/x` to `x.html` first.
      if (!host.servesPrettyUrls) return
      expect(short.status()).toBe(200)
      const jsonLd = (html: string, where: string) => {
        const $ = load(html)
        return $(`${where} script[type="application/ld+json"]`)
          .toArray()
          .map((script): unknown => JSON.parse($(script).text()))
      }
      const canonical = await (await request.get(at(articlePath(newest)))).text()
      const shortLd = jsonLd(await short.text(), 'head')
      expect(shortLd).toEqual([expect.objectContaining({ '@type': 'NewsArticle' })])
      expect(shortLd).toEqual(jsonLd(canonical, 'html'))
    })

    test('an unknown article is not found', async ({ page, allowConsole }) => {
      allowConsole(NOT_FOUND_RESPONSE)
      await page.goto(at('/articles/ffffffffffffffff'))
      await reloadKeeps(page, async () => {
        await expect(heading(page)).toHaveText('Not found')
        await expect(main(page)).not.toContainText('arrived damaged')
      })
    })

    test('an unknown path is not found', async ({ page, allowConsole }) => {
      allowConsole(NOT_FOUND_RESPONSE)
      await page.goto(at('/no/such/page'))
      await reloadKeeps(page, async () => {
        await expect(heading(page)).toHaveText('Not found')
      })
    })

    test('a search deep link', async ({ page }) => {
      await page.goto(at(`/search?q=${fundingSearch.query}`))
      await reloadKeeps(page, async () => {
        await expect(heading(page)).toHaveText(`Search: ${fundingSearch.query}`)
        await expect(resultStatus(page)).toHaveText(
          `${fundingSearch.total} results for “${fundingSearch.query}”`,
        )
        await expect(main(page).getByRole('link', { name: newest.title })).toHaveCount(0)
      })
    })

    test('a search deep link shows no other page’s stories from its first paint', async ({
      page,
    }) => {
      // Hosts that serve search.html answer with the empty search's view (the latest stories),
      // hosts that answer /search with index.html with the home page: either is hidden, a
      // skeleton in its place, until the early script or the app draws the results.
      await watchMain(page, newest.title)
      await page.goto(at(`/search?q=${fundingSearch.query}`))
      await expectMainNeverShowed(page, 'the latest stories')
      await expect(resultStatus(page)).toHaveText(
        `${fundingSearch.total} results for “${fundingSearch.query}”`,
      )
    })

    test('the list’s page 2 shows no other page’s stories from its first paint', async ({
      page,
    }) => {
      // Every host answers /?page=2 with index.html, the home page, prerendered for `/`: it
      // is hidden, the list's skeleton in its place, until the app renders page 2.
      await watchMain(page, newest.title)
      await page.goto(at('/?page=2'))
      await expectFirstMain(page, 'list')
      await expectMainNeverShowed(page, 'page 1’s stories')
      await expect(heading(page)).toHaveText('Latest news · page 2')
      await expect(main(page).getByRole('article')).toHaveCount(corpus.pageSize)
    })

    test('a typo search', async ({ page }) => {
      await page.goto(at('/search?q=Azerbijan'))
      await reloadKeeps(page, async () => {
        await expect(heading(page)).toHaveText('Search: Azerbijan')
        await expect(main(page)).toContainText('Showing results for azerbaijan.')
        await expect(
          main(page).getByRole('article').first().getByRole('heading', { level: 2 }),
        ).toHaveText(sample.title)
      })
    })

    test('Back and Forward', async ({ page }) => {
      await page.goto(at('/'))
      await main(page).getByRole('link', { name: newest.title }).click()
      await expect(heading(page)).toHaveText(newest.title)
      await expect(page).toHaveURL(at(articlePath(newest)))
      await page.goBack()
      await expect(heading(page)).toHaveText('Latest news')
      await expect(page).toHaveURL(at('/'))
      await page.goForward()
      await expect(page).toHaveURL(at(articlePath(newest)))
      await reloadKeeps(page, async () => {
        await expect(heading(page)).toHaveText(newest.title)
      })
    })
  })
}
