/**
 * Corpus dates are ISO 8601 dates or date-times as written in the front matter. A date-time
 * without an offset is taken as UTC, so that nothing depends on the zone of the machine that
 * builds or the browser that reads.
 */
export function dateTime(date: string): number {
  const zoned = date.length === 10 || /(Z|[+-]\d{2}:?\d{2})$/.test(date)
  return Date.parse((zoned ? date : `${date}Z`).replace(' ', 'T'))
}

/** The date as ISO 8601 for machines (meta tags, JSON-LD): a date stays a date, a time is UTC. */
export function isoDate(date: string): string {
  // A date, or a date-time in the extended format with its offset, is ISO 8601 as written.
  if (date.length === 10 || /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(date))
    return date
  const time = dateTime(date)
  return Number.isNaN(time) ? date : new Date(time).toISOString()
}
