// @vitest-environment node
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { readCorpus } from '../../../scripts/site/corpus/read-corpus.ts'
import { memorySite } from '../../../scripts/site/search-index/memory-site.ts'
import { createSearchEngine, highlightRanges, type SearchOptions } from './search-engine.ts'

// Stories in Thai, Korean, Azerbaijani, Arabic and English (the e2e spec's corpus).
const CORPUS = fileURLToPath(new URL('../../../e2e/fixtures/languages', import.meta.url))
const engine = createSearchEngine(memorySite(readCorpus(CORPUS).articles).load)
const options: SearchOptions = { source: null, sort: 'relevance', limit: 10 }

/** [kind, query, the start of the first result's title, the query as corrected]. */
const QUERIES: Array<[kind: string, query: string, first: string, corrected?: string]> = [
  ['Thai title words, typed without spaces', 'ตลาดน้ำดำเนินสะดวก', 'ตลาดน้ำ'],
  ['Thai body words, typed without spaces', 'ก๋วยเตี๋ยวเรือ', 'ตลาดน้ำ'],
  ['Thai body words of the other story', 'น้ำท่วมขัง', 'ฝนตกหนัก'],
  ['Korean title words', '모래조각 축제', '부산 해운대'],
  ['Korean body words', '지하철 기본 요금을', '서울 지하철'],
  ['Korean, one jamo mistyped (ㅐ as ㅔ)', '모레조각 축제', '부산 해운대', '모래조각 축제'],
  ['Korean, a syllable left out', '조각들이 참가해', '부산 해운대', '조각가들이 참가해'],
  ['Azerbaijani without its special letters', 'azerbaycan cempionatinda', 'Azərbaycan'],
  ['Azerbaijani, dotless i typed as i', 'bakida', 'Azərbaycan'],
  ['Arabic without hamza on alef', 'الاربعاء', 'افتتاح'],
  ['Arabic, teh marbuta typed as heh', 'الدوحه', 'افتتاح'],
]

it.each(QUERIES)('%s: %s', async (_, query, first, corrected) => {
  const result = await engine.search(query, options)
  const titles = result.hits.map((h) => h.title)
  expect(titles[0]?.startsWith(first), JSON.stringify(titles)).toBe(true)
  expect(result.correctedQuery).toBe(corrected ?? null)
})

it('gives each hit its story language', async () => {
  const result = await engine.search('الكتاب', options)
  expect(result.hits[0]?.language).toBe('ar')
})

it('highlights the Thai words matched, at their offsets in the text', async () => {
  const result = await engine.search('ก๋วยเตี๋ยวเรือ', options)
  const hit = result.hits[0]
  const marked = hit?.excerptHighlights.map(([s, e]) => hit.excerpt.slice(s, e))
  expect(marked?.join('|')).toBe('ก๋วยเตี๋ยว|เรือ')
  const title = 'ตลาดน้ำดำเนินสะดวกเปิดรับนักท่องเที่ยวอีกครั้ง'
  const { terms } = await engine.search('ตลาดน้ำ ', options)
  const ranges = highlightRanges(title, terms, null)
  expect(ranges.map(([s, e]) => title.slice(s, e))).toEqual(['ตลาด', 'น้ำ'])
})
