import { expect, it } from 'vitest'
import { MAX_TERM_LENGTH, normalizeTerm, segmentRun, terms, tokenize } from './normalize.ts'

it('folds case, accents and compatibility forms', () => {
  expect(normalizeTerm('ÉCOLE')).toBe('ecole')
  expect(normalizeTerm('Łódź')).toBe('lodz')
  expect(normalizeTerm('ﬁnance')).toBe('finance')
  expect(normalizeTerm('Straße')).toBe('strasse')
  expect(normalizeTerm('İstanbul')).toBe('istanbul')
})

it('maps letters that do not decompose, so Azerbaycan finds Azərbaycan', () => {
  expect(normalizeTerm('Azərbaycan')).toBe('azerbaycan')
  expect(normalizeTerm('AZƏRBAYCAN')).toBe('azerbaycan')
  expect(normalizeTerm('Ørsted')).toBe('orsted')
})

it('splits on anything that is not a letter or a digit, quotes and angle brackets included', () => {
  expect(terms('Azerbaijan’s')).toEqual(['azerbaijan', 's'])
  expect(terms("azerbaijan's")).toEqual(['azerbaijan', 's'])
  expect(terms('<GRRL>')).toEqual(['grrl'])
  expect(terms('ten-storey — “quoted” «text»')).toEqual(['ten', 'storey', 'quoted', 'text'])
  expect(terms('1,000 people; 48 apartments')).toEqual(['1', '000', 'people', '48', 'apartments'])
})

it('gives offsets into the original text, also around decomposed and astral characters', () => {
  const text = 'Cafe\u0301 😀 Azərbaycan’s'
  const tokens = tokenize(text)
  expect(tokens.map((t) => t.term)).toEqual(['cafe', 'azerbaycan', 's'])
  for (const t of tokens) expect(normalizeTerm(text.slice(t.start, t.end))).toBe(t.term)
  expect(text.slice(tokens[0]?.start, tokens[0]?.end)).toBe('Cafe\u0301')
})

it('keeps right-to-left words and makes each Chinese or Japanese character a word', () => {
  expect(terms('שלום עולם')).toEqual(['שלום', 'עולם'])
  expect(terms('مرحبا')).toEqual(['مرحبا'])
  expect(terms('東京都 tokyo')).toEqual(['東', '京', '都', 'tokyo'])
})

it('drops emoji, punctuation and lone marks, and cuts runaway words', () => {
  expect(terms('😀 !!! \u0301 ...')).toEqual([])
  const long = 'a'.repeat(500)
  expect(terms(long)).toEqual(['a'.repeat(MAX_TERM_LENGTH)])
})

it('folds what a reader types without: Azerbaijani, Turkish, Russian, Greek and Arabic letters', () => {
  expect(normalizeTerm('Azərbaycan')).toBe(normalizeTerm('azerbaycan'))
  expect(normalizeTerm('İstanbul')).toBe('istanbul')
  expect(normalizeTerm('ISPARTA')).toBe(normalizeTerm('ısparta'))
  expect(normalizeTerm('ёлка')).toBe(normalizeTerm('елка'))
  expect(normalizeTerm('ΟΔΟΣ')).toBe(normalizeTerm('οδός'))
  // Hamza and madda on alef, alif maqsura, teh marbuta, tatweel, harakat.
  for (const [written, typed] of [
    ['أحمد', 'احمد'],
    ['إسلام', 'اسلام'],
    ['آخر', 'اخر'],
    ['أخرى', 'اخري'],
    ['مرة', 'مره'],
    ['كـتـاب', 'كتاب'],
    ['مُجَدَّدًا', 'مجددا'],
  ]) {
    expect(normalizeTerm(written ?? '')).toBe(normalizeTerm(typed ?? ''))
  }
})

it('splits Thai into words with Intl.Segmenter, keeping its vowel and tone marks', () => {
  const text = 'ผู้ป่วยรายใหม่ในกรุงเทพ COVID-19 วันนี้'
  const tokens = tokenize(text)
  expect(tokens.map((t) => t.term)).toEqual(
    ['ผู้', 'ป่วย', 'ราย', 'ใหม่', 'ใน', 'กรุงเทพ', 'covid', '19', 'วัน', 'นี้'].map(normalizeTerm),
  )
  expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
    ...['ผู้', 'ป่วย', 'ราย', 'ใหม่', 'ใน', 'กรุงเทพ', 'COVID', '19', 'วัน', 'นี้'],
  ])
  // The tone mark tells ไม่ (not) from ไม้ (wood).
  expect(normalizeTerm('ไม่')).not.toBe(normalizeTerm('ไม้'))
})

it('segments a run of Thai as Intl.Segmenter does, at offsets into the whole text', () => {
  const text = 'x ตลาดน้ำ y'
  const words: string[] = []
  segmentRun(text, 2, 9, 'th', (start, end) => {
    words.push(text.slice(start, end))
  })
  expect(words).toEqual(['ตลาด', 'น้ำ'])
})

it('holds Korean as jamo, so a syllable typed halfway is a prefix of its word', () => {
  const [seoul = ''] = terms('서울에서')
  expect(seoul).toBe('서울에서'.normalize('NFKD'))
  expect(seoul.startsWith(normalizeTerm('서우'))).toBe(true)
})
