/**
 * A link preview of a deep link, as a chat app or a social site builds one: open-graph-scraper
 * fetches the page's HTML (no browser, no script) and reads its Open Graph and Twitter tags.
 */
import ogs from 'open-graph-scraper'
import { articlePath, newest, sample, site } from './corpus'
import { expect, test } from './fixtures'

for (const article of [newest, sample]) {
  test(`a link preview of ${article.id} shows its title, description and canonical URL`, async ({
    baseURL,
  }) => {
    const url = `${baseURL}${articlePath(article)}`
    const { error, result } = await ogs({ url, timeout: 10 })
    expect(error).toBe(false)
    expect(result).toMatchObject({
      success: true,
      ogType: 'article',
      ogTitle: article.title,
      ogDescription: article.excerpt,
      ogUrl: url,
      ogSiteName: site.name,
      twitterCard: 'summary',
      twitterTitle: article.title,
      twitterDescription: article.excerpt,
    })
    expect(result.jsonLD).toEqual([
      expect.objectContaining({ '@type': 'NewsArticle', headline: article.title, url }),
    ])
  })
}

test('a link preview of the short URL names the canonical URL', async ({ baseURL }) => {
  const { result } = await ogs({ url: `${baseURL}/articles/${newest.id}`, timeout: 10 })
  expect(result).toMatchObject({
    success: true,
    ogTitle: newest.title,
    ogDescription: newest.excerpt,
    ogUrl: `${baseURL}${articlePath(newest)}`,
  })
})
