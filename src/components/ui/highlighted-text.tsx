import { highlight, type Range } from '@/lib/markup'
import { renderMarkup } from './markup'

export type { Range } from '@/lib/markup'

export type HighlightedTextProps = {
  text: string
  /** Sorted, non-overlapping offsets into text. */
  ranges: readonly Range[]
}

/** Text with <mark> around the given ranges: React elements, never HTML strings. */
export function HighlightedText({ text, ranges }: HighlightedTextProps) {
  return <>{highlight(text, ranges).map((part) => renderMarkup(part))}</>
}
