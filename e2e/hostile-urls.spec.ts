/**
 * Hostile URLs typed, pasted or linked into the app: malformed percent-encoding, path traversal,
 * NUL, look-alike characters, huge segments, markup and script in every parameter, odd page
 * numbers. Each opens without an uncaught error (the fixture's console guard), shows a not-found
 * view or a sanitised one, and nothing it carries becomes markup or runs.
 */
import { newest, sources, type KnownArticle } from './corpus'
import { NOT_FOUND_RESPONSE, expect, test } from './fixtures'

const NOT_FOUND = 'Not found'
const LATEST = 'Latest news'
const SCRIPT = '<script>alert(1)</script>'
const IMG = '<img src=x onerror=alert(1)>'
const LONG = 'a'.repeat(10_000)
/** "а" is Cyrillic (U+0430), "е" too (U+0435): ids and slugs that look right and are not. */
const CYRILLIC_A = '\u0430'
const FULLWIDTH_5 = '\uff15'

const articlePath = (a: Pick<KnownArticle, 'id' | 'slug'>) => `/articles/${a.id}/${a.slug}`
const q = (params: Record<string, string>) => new URLSearchParams(params).toString()

type HostileUrl = {
  /** What is typed into the address bar (the browser percent-encodes what it must). */
  url: string
  /** The view's level-1 heading. */
  heading: string
  /** Where the app settles (a redirect to the canonical URL); by default the URL as opened. */
  landsOn?: string
  /** The view asks for a data file that is not there (a 404 in the console is expected). */
  missingData?: boolean
  /** The host's status for the page itself (a path with a file extension that has no file). */
  status?: number
}

const hostile: HostileUrl[] = [
  // Malformed percent-encoding, in each kind of path and in the query.
  { url: '/articles/%E0%A4%A', heading: NOT_FOUND },
  { url: `/articles/%E0%A4%A/${newest.slug}`, heading: NOT_FOUND },
  { url: `/articles/${newest.id}/%E0%A4%A`, heading: newest.title, landsOn: articlePath(newest) },
  { url: '/sources/%E0%A4%A', heading: NOT_FOUND },
  { url: '/%E0%A4%A', heading: NOT_FOUND },
  { url: '/%', heading: NOT_FOUND },
  // The query's bytes that are not UTF-8 read as U+FFFD, the rest as typed.
  { url: '/search?q=%E0%A4%A', heading: 'Search: \ufffd%A' },
  { url: '/?page=%E0%A4%A', heading: NOT_FOUND },
  // Path traversal, plain and encoded.
  { url: '/articles/..%2f..%2fdata%2fmanifest.json', heading: NOT_FOUND, status: 404 },
  { url: '/articles/%2e%2e%2f%2e%2e%2fpackage.json', heading: NOT_FOUND, status: 404 },
  { url: '/sources/%2e%2e%2f%2e%2e%2fetc%2fpasswd', heading: NOT_FOUND },
  { url: '/%2e%2e/%2e%2e/etc/passwd', heading: NOT_FOUND },
  { url: '/articles/....//....//etc/passwd', heading: NOT_FOUND },
  // NUL and other control characters.
  { url: `/articles/${newest.id}%00`, heading: NOT_FOUND },
  { url: '/articles/%00', heading: NOT_FOUND },
  { url: `/sources/${sources[0].slug}%00`, heading: NOT_FOUND },
  // Control characters are spaces: the empty search.
  { url: '/search?q=%00%01%1b', heading: 'Search' },
  // Look-alike characters: an id with a Cyrillic letter, fullwidth digits, upper case.
  { url: `/articles/${newest.id.replace('e', CYRILLIC_A)}`, heading: NOT_FOUND },
  { url: `/articles/${newest.id.slice(0, -1)}${FULLWIDTH_5}`, heading: NOT_FOUND },
  { url: `/articles/${newest.id.toUpperCase()}`, heading: NOT_FOUND },
  { url: `/sources/${sources[0].slug.replace('a', CYRILLIC_A)}`, heading: NOT_FOUND },
  // 10,000-character segments.
  { url: `/articles/${LONG}`, heading: NOT_FOUND },
  { url: `/articles/${newest.id}/${LONG}`, heading: newest.title, landsOn: articlePath(newest) },
  { url: `/sources/${LONG}`, heading: NOT_FOUND },
  { url: `/${LONG}`, heading: NOT_FOUND },
  { url: `/search?${q({ q: LONG })}`, heading: `Search: ${'a'.repeat(200)}` },
  // Markup and script in every parameter, and in the path.
  { url: `/search?${q({ q: SCRIPT })}`, heading: `Search: ${SCRIPT}` },
  { url: `/search?${q({ q: IMG })}`, heading: `Search: ${IMG}` },
  {
    url: `/search?${q({ q: 'council', source: 'javascript:alert(1)' })}`,
    heading: 'Search: council',
  },
  { url: `/search?${q({ q: 'council', sort: SCRIPT, exact: IMG })}`, heading: 'Search: council' },
  { url: `/?${q({ page: IMG })}`, heading: NOT_FOUND },
  { url: `/sources/${sources[0].slug}?${q({ page: SCRIPT })}`, heading: NOT_FOUND },
  { url: `/articles/${encodeURIComponent(SCRIPT)}`, heading: NOT_FOUND },
  {
    url: `/articles/${newest.id}/${encodeURIComponent(IMG)}`,
    heading: newest.title,
    landsOn: articlePath(newest),
  },
  { url: `/sources/${encodeURIComponent(SCRIPT)}`, heading: NOT_FOUND },
  { url: `/${encodeURIComponent(IMG)}`, heading: NOT_FOUND },
  // Unknown parameters are ignored.
  { url: `/?${q({ utm_source: SCRIPT, ref: 'javascript:alert(1)' })}`, heading: LATEST },
  { url: `${articlePath(newest)}?${q({ highlight: IMG, q: SCRIPT })}`, heading: newest.title },
  // Page numbers: negative, zero, huge, fractional, not a number, padded, repeated.
  { url: '/?page=-1', heading: NOT_FOUND },
  { url: '/?page=0', heading: NOT_FOUND },
  { url: '/?page=99999999999999999999', heading: NOT_FOUND },
  { url: '/?page=9999999', heading: NOT_FOUND, missingData: true },
  { url: '/?page=1.5', heading: NOT_FOUND },
  { url: '/?page=NaN', heading: NOT_FOUND },
  { url: '/?page=Infinity', heading: NOT_FOUND },
  { url: '/?page=1e1', heading: NOT_FOUND },
  { url: '/?page=02', heading: NOT_FOUND },
  { url: '/?page=%202', heading: NOT_FOUND },
  { url: '/?page=', heading: NOT_FOUND },
  { url: '/?page=2&page=-1', heading: `${LATEST} · page 2` },
  { url: `/sources/${sources[0].slug}?page=-5`, heading: NOT_FOUND },
  { url: `/sources/${sources[0].slug}?page=999`, heading: NOT_FOUND, missingData: true },
  // Odd shapes of real paths: double slashes, trailing dots and slashes.
  // The router reads an empty segment as none: the article, at its canonical URL.
  { url: `//articles/${newest.id}`, heading: newest.title, landsOn: articlePath(newest) },
  { url: `/articles//${newest.id}`, heading: newest.title, landsOn: articlePath(newest) },
  // A trailing dot reads as a file extension to the host: a 404, whose page is the app.
  { url: `/articles/${newest.id}.`, heading: NOT_FOUND, status: 404 },
  {
    url: `/articles/${newest.id}/${newest.slug}.`,
    heading: newest.title,
    landsOn: articlePath(newest),
    status: 404,
  },
  { url: `/sources/${sources[0].slug}/`, heading: sources[0].name },
  { url: '/sources/', heading: NOT_FOUND },
  { url: '/articles/', heading: NOT_FOUND },
]

for (const { url, heading, landsOn, missingData, status = 200 } of hostile) {
  const name = url.length > 100 ? `${url.slice(0, 60)}… (${url.length} characters)` : url
  test(`hostile URL ${name}`, async ({ page, allowConsole, baseURL }) => {
    if (missingData || status === 404) allowConsole(NOT_FOUND_RESPONSE)
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    // A path starting "//" is written out whole: relative, it would name another host.
    const response = await page.goto(url.startsWith('//') ? `${baseURL}${url}` : url)
    expect(response?.status()).toBe(status)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    if (landsOn !== undefined) await expect(page).toHaveURL(landsOn)
    // Nothing the URL carried became markup.
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
    await expect(page.locator('script:not([src]):not([type^="application/"])')).toHaveCount(0)
    await expect(page.locator('[onerror], [onload], a[href^="javascript:" i]')).toHaveCount(0)
    expect(dialogs).toEqual([])
  })
}
