import { expect, test } from 'vitest'
import { appHasPage, earlyDrawn, markAppReady, markEarlyDrawn, takePage } from './page-handover'

test('the page is its HTML, then the app’s as it renders, then ready: one attribute says which', () => {
  const doc = document.implementation.createHTMLDocument()
  expect([appHasPage(doc), doc.querySelector('html[data-app-ready="true"]')]).toEqual([false, null])
  takePage(doc)
  expect([appHasPage(doc), doc.querySelector('html[data-app-ready="true"]')]).toEqual([true, null])
  markAppReady(doc)
  expect(appHasPage(doc)).toBe(true)
  expect(doc.querySelector('html[data-app-ready="true"]')).toBe(doc.documentElement)
})

test('results the early script drew are found in the root it drew them in', () => {
  const root = document.createElement('div')
  root.innerHTML = '<section class="search-view"><h1>Search</h1></section>'
  expect(earlyDrawn(root)).toBe(false)
  const section = root.querySelector('section')
  if (section === null) throw new Error('no section')
  markEarlyDrawn(section)
  expect(earlyDrawn(root)).toBe(true)
})
