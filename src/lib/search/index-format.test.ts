import { expect, test } from 'vitest'
import {
  ByteReader,
  ByteWriter,
  typoGroupKeys,
  typoLength,
  typoLengthsServed,
} from './index-format'
import { normalizeTerm } from './normalize'

test('strings read back as written: ASCII, accented, emoji, empty and long', () => {
  const strings = [
    'atmospheres',
    '',
    'azərbaycan',
    'café',
    '😀',
    'a'.repeat(32),
    'a'.repeat(33),
    `${'word '.repeat(40)}é`,
    'x\u0000y',
  ]
  const w = new ByteWriter()
  for (const s of strings) w.string(s)
  const r = new ByteReader(w.finish())
  expect(strings.map(() => r.string())).toEqual(strings)
  expect(r.done).toBe(true)
})

test('bytes that are not UTF-8 read as replacement characters, as the decoder reads them', () => {
  const w = new ByteWriter()
  w.varint(3)
  w.bytes(new Uint8Array([0x61, 0xff, 0x62]))
  expect(new ByteReader(w.finish()).string()).toBe('a\ufffdb')
})

test('a Hangul syllable counts one in the typo groups, as a Latin letter does', () => {
  expect(typoLength('railway')).toBe(7)
  expect(typoLength('a😀b')).toBe(3)
  const korean = normalizeTerm('인도네시아의')
  expect(typoLength(korean)).toBe(6)
  // Two syllables (four jamo or more) can be corrected: a word of three serves them.
  expect(typoLengthsServed(normalizeTerm('조각가'))).toEqual([2, 3, 4])
  expect(typoLengthsServed('railway')).toEqual([6, 7, 8])
  expect(typoLengthsServed('bank')).toEqual([4, 5])
  // A syllable left out keeps the word's first and last letters: it looks in a group of the word.
  const [first] = typoGroupKeys(normalizeTerm('인도시아의'))
  const served = typoLengthsServed(korean).map((n) => `p${[...korean].slice(0, 2).join('')}${n}`)
  expect(served).toContain(first)
})
