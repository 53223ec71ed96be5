import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import { formatDate } from '@/lib/format'

export type ArticleMetaProps = {
  source: string | null
  sourceSlug: string | null
  date: string | null
  readingMinutes: number
  author?: string | null
}

export function ArticleMeta({
  source,
  sourceSlug,
  date,
  readingMinutes,
  author,
}: ArticleMetaProps) {
  return (
    <p className="meta">
      {source !== null && sourceSlug !== null ? (
        <Link className="meta-source" to={paths.source(sourceSlug)}>
          {source}
        </Link>
      ) : null}
      {author ? <span>By {author}</span> : null}
      {date !== null ? <time dateTime={date}>{formatDate(date)}</time> : null}
      <span>{readingMinutes} min read</span>
    </p>
  )
}
