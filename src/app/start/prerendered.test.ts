import { expect, test } from 'vitest'
import { appPath, PRERENDERED_STATE_ID, readPrerenderedState, survivesMarkup } from './prerendered'

test('a page under the site sub-path is known by the path it was prerendered for', () => {
  expect(appPath('/news/', '/news')).toBe('/')
  expect(appPath('/news', '/news')).toBe('/')
  expect(appPath('/news/articles/e2e0000000000058/x', '/news')).toBe('/articles/e2e0000000000058/x')
  expect(appPath('/articles/e2e0000000000058/x', '/')).toBe('/articles/e2e0000000000058/x')
  // Another site's path on the same host is not this one's.
  expect(appPath('/newsroom/', '/news')).toBe('/newsroom/')
})

function pageWith(state: object, paragraphs: string[]): Document {
  const doc = document.implementation.createHTMLDocument('')
  const root = doc.createElement('div')
  root.id = 'root'
  const body = doc.createElement('div')
  body.className = 'article-body'
  for (const text of paragraphs)
    body.append(Object.assign(doc.createElement('p'), { textContent: text }))
  root.append(body)
  const script = doc.createElement('script')
  script.type = 'application/json'
  script.id = PRERENDERED_STATE_ID
  script.textContent = JSON.stringify(state)
  doc.body.append(root, script)
  return doc
}

const article = { id: 'e2e0000000000058', title: 'A', paragraphs: [] }
const query = {
  queryKey: ['articles', 'detail', article.id],
  queryHash: '["articles","detail","e2e0000000000058"]',
  state: { data: article },
}
const state = {
  path: '/articles/e2e0000000000058/a',
  queries: { queries: [query], mutations: [] },
  router: { loaderData: {} },
  textInPage: { queryHash: query.queryHash, paragraphs: 2 },
}
const written = ['Five < seven & "quotes" 🎉', '</script> stays text']

test("an article's paragraphs come back from the page's markup, as written", () => {
  const read = readPrerenderedState(pageWith(state, written), state.path)
  expect(read?.queries.queries[0]?.state.data).toEqual({ ...article, paragraphs: written })
})

test('a page that does not hold the paragraphs the state counts is rendered anew', () => {
  expect(readPrerenderedState(pageWith(state, written.slice(0, 1)), state.path)).toBeNull()
  const noQuery = { ...state, textInPage: { queryHash: '["other"]', paragraphs: 2 } }
  expect(readPrerenderedState(pageWith(noQuery, written), state.path)).toBeNull()
})

test('a state without text in the page is read as it is', () => {
  const whole = { ...state, textInPage: undefined }
  const read = readPrerenderedState(pageWith(whole, []), state.path)
  expect(read?.queries.queries[0]?.state.data).toEqual(article)
})

test('only text an HTML parser gives back unchanged is left to the markup', () => {
  expect(survivesMarkup('Plain text, <b>markup</b> & emoji 🎉 and a\nline feed')).toBe(true)
  expect(survivesMarkup('a carriage\r\nreturn')).toBe(false)
  expect(survivesMarkup('a NUL \0 character')).toBe(false)
  expect(survivesMarkup('a lone \uD83C surrogate')).toBe(false)
  expect(survivesMarkup('a lone \uDF89 low surrogate')).toBe(false)
})
