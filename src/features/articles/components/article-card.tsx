import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import type { ListItem } from '@/lib/corpus/compiled'
import { ArticleMeta } from './article-meta'

export type ArticleCardProps = {
  item: ListItem
  /** The list URL, so the article can offer the way back to it. */
  from: string
}

export function ArticleCard({ item, from }: ArticleCardProps) {
  return (
    <article className="card">
      <h2 className="card-title">
        <Link to={paths.article(item.id, item.slug)} state={{ from }}>
          {item.title}
        </Link>
      </h2>
      <ArticleMeta
        source={item.source}
        sourceSlug={item.sourceSlug}
        date={item.date}
        readingMinutes={item.readingMinutes}
      />
      <p className="card-excerpt">{item.excerpt}</p>
    </article>
  )
}
