// @vitest-environment node
import { expect, it } from 'vitest'
import { measureText } from './reading-time.ts'

const words = (n: number) => Array.from({ length: n }, () => 'word').join(' ')

it('reads spaced scripts at 230 words a minute, rounded up, at least one minute', () => {
  expect(measureText([words(230)])).toEqual({ words: 230, minutes: 1 })
  expect(measureText([words(200), words(31)])).toEqual({ words: 231, minutes: 2 })
  expect(measureText(['— 42 —'])).toEqual({ words: 1, minutes: 1 })
  expect(measureText(['Как дела? Всё хорошо.'])).toEqual({ words: 4, minutes: 1 })
})

it('reads Chinese and Japanese per character: Han at 380 a minute, kana at 670', () => {
  expect(measureText(['漢'.repeat(380)]).minutes).toBe(1)
  expect(measureText(['漢'.repeat(381)]).minutes).toBe(2)
  expect(measureText(['あ'.repeat(670)]).minutes).toBe(1)
  expect(measureText(['ア'.repeat(671)]).minutes).toBe(2)
  // Punctuation is not read: 380 Han characters in sentences are still a minute.
  expect(measureText([`${'漢'.repeat(190)}。`, `「${'漢'.repeat(190)}」`]).minutes).toBe(1)
})

it('reads a Japanese article by its characters and counts the words the segmenter finds', () => {
  // 11 Han characters and 7 kana in 10 words (東京 都 は 月曜日 に 新しい 予算 を 承認 した).
  const sentence = '東京都は月曜日に新しい予算を承認した。'
  const one = measureText([sentence])
  expect(one.minutes).toBe(1)
  expect(one.words).toBeGreaterThanOrEqual(8)
  expect(one.words).toBeLessThanOrEqual(12)
  // 40 sentences: 440 / 380 + 280 / 670 = 1.6 minutes, where 40 "words" would make 1.
  expect(measureText(Array.from({ length: 40 }, () => sentence)).minutes).toBe(2)
})

it('reads Thai by the words Intl.Segmenter finds, at 290 a minute', () => {
  // สวัสดี is one word; written 290 times without a space it is still 290 words.
  expect(measureText(['สวัสดี'.repeat(290)])).toEqual({ words: 290, minutes: 1 })
  expect(measureText(['สวัสดี'.repeat(145), 'สวัสดี'.repeat(146)])).toEqual({
    words: 291,
    minutes: 2,
  })
})

it('adds the parts of mixed text', () => {
  // "iPhone" is a spaced word inside a Japanese token.
  expect(measureText(['iPhoneを発売']).words).toBe(3)
  // Half a minute of English and half a minute of Han characters make one minute.
  expect(measureText([words(115), '漢'.repeat(190)]).minutes).toBe(1)
  expect(measureText([words(116), '漢'.repeat(190)]).minutes).toBe(2)
})
