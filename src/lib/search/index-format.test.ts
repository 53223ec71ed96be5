import { expect, test } from 'vitest'
import { ByteReader, ByteWriter } from './index-format'

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
