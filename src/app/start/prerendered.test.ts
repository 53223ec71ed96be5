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

/** The related list as RelatedStories renders it. */
function relatedMarkup(doc: Document, items: { href: string; title: string; spans: string[] }[]) {
  const section = doc.createElement('section')
  section.className = 'related'
  const list = doc.createElement('ul')
  for (const { href, title, spans } of items) {
    const item = doc.createElement('li')
    const link = Object.assign(doc.createElement('a'), { textContent: title })
    link.setAttribute('href', href)
    item.append(link)
    if (spans.length > 0) {
      const meta = Object.assign(doc.createElement('p'), { className: 'meta' })
      for (const text of spans)
        meta.append(Object.assign(doc.createElement('span'), { textContent: text }))
      item.append(meta)
    }
    list.append(item)
  }
  section.append(list)
  doc.getElementById('root')?.append(section)
}

test("an article's related stories come back from the page's markup", () => {
  const withRelated = { ...state, textInPage: { ...state.textInPage, related: 4 } }
  const doc = pageWith(withRelated, written)
  relatedMarkup(doc, [
    {
      href: '/articles/00000000000000a1/lava-reaches-the-coast',
      title: 'Lava & "ash"',
      spans: ['Wire', 'March 2, 2025'],
    },
    { href: '/news/articles/00000000000000a2', title: 'No slug', spans: ['January 4, 2019'] },
    { href: '/articles/00000000000000a3/z', title: 'Z', spans: ['Daily Post'] },
    { href: '/articles/00000000000000a4/none', title: 'None', spans: [] },
  ])
  const data = readPrerenderedState(doc, state.path)?.queries.queries[0]?.state.data
  expect(data).toMatchObject({
    related: [
      {
        id: '00000000000000a1',
        slug: 'lava-reaches-the-coast',
        title: 'Lava & "ash"',
        source: 'Wire',
        date: '2025-03-02',
      },
      { id: '00000000000000a2', slug: '', title: 'No slug', source: null, date: '2019-01-04' },
      { id: '00000000000000a3', slug: 'z', title: 'Z', source: 'Daily Post', date: null },
      { id: '00000000000000a4', slug: 'none', title: 'None', source: null, date: null },
    ],
  })
  // A page that shows another number of them is rendered anew.
  const short = pageWith(withRelated, written)
  relatedMarkup(short, [{ href: '/articles/00000000000000a1/x', title: 'X', spans: [] }])
  expect(readPrerenderedState(short, state.path)).toBeNull()
})

test('related stories the state kept itself stay as they are, whatever the page shows', () => {
  const related = [{ id: '00000000000000a1', title: 'Kept', source: null, date: null }]
  const kept = { ...query, state: { data: { ...article, related } } }
  const doc = pageWith({ ...state, queries: { queries: [kept], mutations: [] } }, written)
  relatedMarkup(doc, [{ href: '/articles/00000000000000a1/kept', title: 'Kept', spans: [] }])
  const data = readPrerenderedState(doc, state.path)?.queries.queries[0]?.state.data
  expect(data).toEqual({ ...article, related, paragraphs: written })
})
