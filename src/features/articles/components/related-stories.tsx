import { useId } from 'react'
import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { relatedSlug, type RelatedLink } from '@/lib/corpus/compiled'
import { formatDate } from '@/lib/format'

export type RelatedStoriesProps = {
  /** Chosen at build time, best first; nothing renders when there are none. */
  stories: readonly RelatedLink[] | undefined
}

/** "Related stories" after an article: links to stories on the same subject. */
export function RelatedStories({ stories }: RelatedStoriesProps) {
  const headingId = useId()
  if (stories === undefined || stories.length === 0) return null
  return (
    <section className="related" aria-labelledby={headingId}>
      <h2 id={headingId}>Related stories</h2>
      <ul>
        {stories.map((story) => (
          <li key={story.id}>
            <Link
              className="related-title"
              to={paths.article(story.id, relatedSlug(story))}
              // No data-discover attribute: route discovery is a framework-mode feature this app
              // does not use, and the five attributes cost bytes on every article page.
              discover="none"
            >
              {story.title}
            </Link>
            {story.source !== null || story.date !== null ? (
              <p className="meta">
                {story.source !== null ? <span>{story.source}</span> : null}
                {/* Text, not <time>: the article's own date is the one date the page states. */}
                {story.date !== null ? <span>{formatDate(story.date)}</span> : null}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
