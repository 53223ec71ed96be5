import { dateTime } from './corpus/dates'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * "January 4, 2019". Always in UTC: a date-only value means that calendar day everywhere, and the
 * same text renders on the build machine and in every reader's browser. Written out by hand, not
 * with Intl.DateTimeFormat: the first formatter a page creates loads the browser's locale and
 * time-zone data, 40 to 90 ms of main-thread work on this machine (four times that on the phone
 * Lighthouse simulates), spent inside the task that hydrates the page.
 */
export function formatDate(iso: string): string {
  const time = dateTime(iso)
  if (Number.isNaN(time)) return iso
  const date = new Date(time)
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`
}

/**
 * The calendar day `formatDate` wrote, as `YYYY-MM-DD` (the prerendered page's related stories are
 * read back from their markup); null for any other text.
 */
export function parseShownDate(text: string): string | null {
  const match = /^([A-Z][a-z]+) (\d{1,2}), (\d{4})$/.exec(text)
  const month = match ? MONTHS.indexOf(match[1] ?? '') : -1
  if (!match || month < 0) return null
  const day = (match[2] ?? '').padStart(2, '0')
  return `${match[3]}-${String(month + 1).padStart(2, '0')}-${day}`
}

/** "12,345": digits grouped by thousands as English writes them, without Intl (see above). */
export function formatNumber(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n)
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',')
}

export function formatCount(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`
}
