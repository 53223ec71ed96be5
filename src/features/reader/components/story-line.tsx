import type { StoryRef } from '@/lib/reader-store/schema'
import { formatDate } from '@/lib/format'

export type StoryLineProps = { story: StoryRef; note: string }

/** A kept story's source and date, and when the reader saved or read it. */
export function StoryLine({ story, note }: StoryLineProps) {
  return (
    <p className="meta">
      {story.source !== null ? <span>{story.source}</span> : null}
      {story.date !== null ? <time dateTime={story.date}>{formatDate(story.date)}</time> : null}
      <span>{note}</span>
    </p>
  )
}
