import { expect, it } from 'vitest'
import type { Postings } from './index-reader.ts'
import { correctable, correctedQueryText, missingWords, rareWords } from './corrections.ts'
import { parseQuery } from './query.ts'
import { planSlots, type Slot } from './slots.ts'

const none: Postings = {
  docs: new Int32Array(0),
  scores: new Uint16Array(0),
  inTitle: new Uint8Array(0),
}

function slot(term: string, df: number, { quoted = false } = {}): Slot {
  const alternatives = df > 0 ? [{ term, kind: 'exact' as const, weight: 1, postings: none }] : []
  return { term, word: 0, quoted, df, alternatives }
}

it('corrects words of four letters or more, letters only', () => {
  expect(correctable('kipchoge')).toBe(true)
  expect(correctable('azərbaycan')).toBe(true)
  expect(correctable('bid')).toBe(false)
  expect(correctable('covid19')).toBe(false)
})

it('corrects the words the corpus lacks, else the rarest, unless one is quoted or too short', () => {
  const lacking = slot('hurrican', 0)
  expect(missingWords([slot('landfall', 3), lacking])).toEqual([lacking])
  expect(missingWords([slot('hurrican', 0, { quoted: true })])).toBeNull()
  expect(missingWords([slot('xyz', 0)])).toBeNull()
  const words = ['alpha', 'bravo', 'charlie', 'delta'].map((w, i) => slot(w, 10 - i))
  expect(missingWords(words)?.map((s) => s.term)).toEqual(['delta', 'charlie', 'bravo'])
  expect(missingWords(['alpha', 'bravo', 'charlie', 'delta'].map((w) => slot(w, 0)))).toBeNull()
})

it('takes a lone word found in very few articles for a possible typo', () => {
  const rare = slot('goverment', 1)
  expect(rareWords([rare])).toEqual([rare])
  expect(rareWords([slot('government', 25)])).toBeNull()
  expect(rareWords([rare, slot('budget', 5)])).toBeNull()
  expect(rareWords([slot('goverment', 1, { quoted: true })])).toBeNull()
})

it('rewrites the query with the terms searched, keeping the rest as typed', () => {
  const query = 'Azerbijan, “foreign” polcy'
  const parsed = parseQuery(query)
  const state = { query, parsed, ...planSlots(parsed) }
  expect(correctedQueryText(state, ['azerbaijan', 'foreign', 'policy'])).toBe(
    'azerbaijan, “foreign” policy',
  )
  expect(correctedQueryText(state, ['azerbijan', 'foreign', 'polcy'])).toBeNull()
})
