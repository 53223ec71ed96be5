import type { ReactNode } from 'react'

export type Range = readonly [start: number, end: number]

export type HighlightedTextProps = {
  text: string
  /** Sorted, non-overlapping offsets into text. */
  ranges: readonly Range[]
}

/** Text with <mark> around the given ranges: React elements, never HTML strings. */
export function HighlightedText({ text, ranges }: HighlightedTextProps) {
  const parts: ReactNode[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start < at || end <= start || end > text.length) continue
    if (start > at) parts.push(text.slice(at, start))
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>)
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
