import { dateTime } from './corpus/dates'

const dateFormat = new Intl.DateTimeFormat('en', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
})

/**
 * "January 4, 2019". Always in UTC: a date-only value means that calendar day everywhere, and the
 * same text renders on the build machine and in every reader's browser.
 */
export function formatDate(iso: string): string {
  const time = dateTime(iso)
  return Number.isNaN(time) ? iso : dateFormat.format(time)
}

export function formatCount(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}
