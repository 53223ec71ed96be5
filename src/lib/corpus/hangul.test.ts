// @vitest-environment node
import { expect, it } from 'vitest'
import { romanizeHangul } from './hangul.ts'

it('romanizes Hangul by the Revised Romanization, syllable by syllable', () => {
  expect(romanizeHangul('서울')).toBe('seoul')
  expect(romanizeHangul('부산')).toBe('busan')
  expect(romanizeHangul('한글')).toBe('hangeul')
  expect(romanizeHangul('라면')).toBe('ramyeon')
  expect(romanizeHangul('대한민국')).toBe('daehanminguk')
})

it('carries a final consonant over to a following vowel, clusters by their second part', () => {
  expect(romanizeHangul('한국어')).toBe('hangugeo')
  expect(romanizeHangul('읽어')).toBe('ilgeo')
  expect(romanizeHangul('없어')).toBe('eopseo')
  // ㅎ is silent before a vowel.
  expect(romanizeHangul('많이')).toBe('mani')
  expect(romanizeHangul('싫어')).toBe('sireo')
})

it('writes the sound changes the spelling predicts', () => {
  // Nasalization, and ㄹ read as ㄴ after other consonants.
  expect(romanizeHangul('국민')).toBe('gungmin')
  expect(romanizeHangul('백마')).toBe('baengma')
  expect(romanizeHangul('종로')).toBe('jongno')
  expect(romanizeHangul('독립')).toBe('dongnip')
  expect(romanizeHangul('왕십리')).toBe('wangsimni')
  // ㄹ doubled next to ㄹ or ㄴ.
  expect(romanizeHangul('신라')).toBe('silla')
  expect(romanizeHangul('별내')).toBe('byeollae')
  // ㅎ aspirates the consonant after it; ㄷ ㅌ before 이 are palatalized.
  expect(romanizeHangul('좋고')).toBe('joko')
  expect(romanizeHangul('놓는')).toBe('nonneun')
  expect(romanizeHangul('같이')).toBe('gachi')
  expect(romanizeHangul('굳이')).toBe('guji')
})
