import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import type { StoryRef } from '@/lib/reader-store/schema'
import { formatDate } from '@/lib/format'
import { storyLinkProps, storyProps } from '@/lib/story-scope'

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

export type KeptListProps<S extends StoryRef> = {
  stories: readonly S[]
  /** The list's accessible name. */
  label: string
  /** Prefixes each story's heading id, which its button names it by. */
  idPrefix: string
  /** When the reader kept the story: "Saved …", "Read …". */
  note: (story: S) => string
  /** The story's button, described by its heading. */
  action: (story: S, headingId: string) => ReactNode
}

/** The Saved and History views' list: each story's title, source, date, note and button. */
export function KeptList<S extends StoryRef>({
  stories,
  label,
  idPrefix,
  note,
  action,
}: KeptListProps<S>) {
  return (
    <ol className="reader-list" aria-label={label}>
      {stories.map((story) => {
        const headingId = `${idPrefix}-${story.id}`
        return (
          <li key={story.id}>
            <article {...storyProps('item')}>
              <h2 id={headingId}>
                <Link to={paths.article(story.id, story.slug)} {...storyLinkProps}>
                  {story.title}
                </Link>
              </h2>
              <StoryLine story={story} note={note(story)} />
              <div className="story-actions">{action(story, headingId)}</div>
            </article>
          </li>
        )
      })}
    </ol>
  )
}
