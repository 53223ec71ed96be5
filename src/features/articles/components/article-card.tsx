import { useQueryClient } from '@tanstack/react-query'
import { useId } from 'react'
import { Link } from 'react-router-dom'
import { ReadBadge, ReadToggle, SaveButton } from '@/components/reader/story-actions'
import { storyLinkProps, storyProps } from '@/lib/story-scope'
import { useInApp, useIsRead } from '@/components/reader/use-reader'
import { paths } from '@/config/paths'
import type { ListItem } from '@/lib/corpus/compiled'
import { toStoryRef } from '@/lib/reader-store/schema'
import { textProps } from '@/lib/text-direction'
import { articleQueries } from '../api/article-queries'
import { ArticleMeta } from './article-meta'

export type ArticleCardProps = {
  item: ListItem
  /** The list URL, so the article can offer the way back to it. */
  from: string
}

export function ArticleCard({ item, from }: ArticleCardProps) {
  const queryClient = useQueryClient()
  const read = useIsRead(item.id)
  const story = toStoryRef(item)
  const titleId = useId()
  // The id only describes the buttons, which the app adds (useInApp).
  const inApp = useInApp()
  return (
    // A read story is dimmed and says "Read" (ReadBadge); its buttons save it and mark it.
    <article className={read ? 'card story-read' : 'card'} {...storyProps('item')}>
      <h2 className="card-title" id={inApp ? titleId : undefined} {...textProps(item.language)}>
        <Link to={paths.article(item.id, item.slug)} state={{ from }} {...storyLinkProps}>
          {item.title}
        </Link>
      </h2>
      <ArticleMeta
        source={item.source}
        sourceSlug={item.sourceSlug}
        date={item.date}
        readingMinutes={item.readingMinutes}
      />
      <p className="card-excerpt" {...textProps(item.language)}>
        {item.excerpt}
      </p>
      <div className="story-actions">
        <ReadBadge id={item.id} />
        <SaveButton
          story={story}
          article={() => queryClient.ensureQueryData(articleQueries.detail(item.id))}
          describedBy={titleId}
        />
        <ReadToggle story={story} describedBy={titleId} />
      </div>
    </article>
  )
}
