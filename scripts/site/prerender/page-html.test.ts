// @vitest-environment node
import { load } from 'cheerio'
import { expect, test } from 'vitest'
import { assemble, jsonLdScripts, redirectPage } from './page-html.ts'

const LD =
  '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"A \\u003c/script> b"}</script>'

test('the short URL page carries the article page’s JSON-LD in its head, unchanged', () => {
  const body = `<main><h1>A</h1></main>${LD}<script type="application/json" id="prerendered-state">{}</script>`
  const scripts = jsonLdScripts(body)
  expect(scripts).toEqual([LD])
  const $ = load(redirectPage('/articles/x/a', '<title>A</title>', '', '', scripts))
  const inHead = $('head script[type="application/ld+json"]')
  expect(inHead).toHaveLength(1)
  expect(JSON.parse(inHead.text())).toEqual({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'A </script> b',
  })
  expect($('head meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/articles/x/a')
  expect($('body script')).toHaveLength(0)
})

test('a page says on <html> the URL it was rendered for, which its head script compares', () => {
  const template =
    '<!doctype html>\n<html lang="en">\n  <head>\n    <title>Newsreader</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>'
  const rendered = { head: '<title>A</title>', body: '<main><h1>A</h1></main>', stateJson: '{}' }
  const $ = load(assemble(template, rendered, '/news/sources/a&b?page=1"'))
  expect($('html').attr('data-path')).toBe('/news/sources/a&b?page=1"')
  expect($('html').attr('lang')).toBe('en')
  // <header> and the like are not <html>.
  expect(assemble('<header></header>', rendered, '/')).toBe('<header></header>')
})
