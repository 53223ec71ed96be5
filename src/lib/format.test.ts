import { describe, expect, it } from 'vitest'
import { seededRandom } from './seeded-random'
import { formatCount, formatDate, formatNumber, parseShownDate } from './format'

describe('formatDate', () => {
  const intl = new Intl.DateTimeFormat('en', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  })

  it('writes the calendar day in UTC', () => {
    expect(formatDate('2019-01-04')).toBe('January 4, 2019')
    expect(formatDate('2020-12-25T23:30:00-05:00')).toBe('December 26, 2020')
    expect(formatDate('2025-02-28 10:00')).toBe('February 28, 2025')
  })

  it('agrees with Intl.DateTimeFormat on every day of four centuries', () => {
    const random = seededRandom(7)
    for (let i = 0; i < 2000; i++) {
      const time = Date.UTC(1800, 0, 1) + Math.floor(random.next() * 400 * 365.25) * 86_400_000
      const iso = new Date(time).toISOString().slice(0, 10)
      expect(formatDate(iso), iso).toBe(intl.format(time))
    }
  })

  it('gives back a value that is not a date as written', () => {
    expect(formatDate('sometime in May')).toBe('sometime in May')
  })
})

describe('formatNumber', () => {
  it('groups digits by thousands as Intl does for English', () => {
    for (const n of [0, 1, 12, 999, 1000, 12_345, 100_000, 1_234_567, 9_007_199_254_740_991]) {
      expect(formatNumber(n)).toBe(n.toLocaleString('en'))
    }
  })

  it('counts in the singular only for one', () => {
    expect(formatCount(1, 'article', 'articles')).toBe('1 article')
    expect(formatCount(0, 'article', 'articles')).toBe('0 articles')
    expect(formatCount(2500, 'article', 'articles')).toBe('2,500 articles')
  })
})

describe('parseShownDate', () => {
  it('reads back the day formatDate wrote', () => {
    for (const iso of ['2019-01-04', '2020-12-25', '1999-09-30', '2025-03-02']) {
      expect(parseShownDate(formatDate(iso))).toBe(iso)
    }
    expect(parseShownDate(formatDate('2025-03-02T23:30:00Z'))).toBe('2025-03-02')
  })

  it('is null for any other text', () => {
    for (const text of ['Wikinews', 'Smarch 4, 2019', 'January 4 2019', '2019-01-04', '']) {
      expect(parseShownDate(text)).toBeNull()
    }
  })
})
