import { expect, it } from 'vitest'
import { dirOf, textProps } from './text-direction'

it('lays out Arabic, Hebrew, Persian and Urdu right to left, other languages by their text', () => {
  for (const tag of ['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'ar-EG', 'az-Arab']) {
    expect(dirOf(tag), tag).toBe('rtl')
  }
  for (const tag of ['en-US', 'th', 'ko', 'az', 'tr', 'ku-Latn', 'zh-Hant']) {
    expect(dirOf(tag), tag).toBe('auto')
  }
  expect(dirOf(null)).toBeUndefined()
  expect(dirOf(undefined)).toBeUndefined()
})

it('gives lang and dir together, or neither when the story has no language', () => {
  expect(textProps('ar')).toEqual({ lang: 'ar', dir: 'rtl' })
  expect(textProps('th')).toEqual({ lang: 'th', dir: 'auto' })
  expect(textProps(null)).toEqual({})
})
