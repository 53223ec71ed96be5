import { Link } from 'react-router-dom'
import { PageMeta } from '@/components/seo/page-meta'

export type NotFoundProps = { what?: string }

export function NotFound({ what = 'page' }: NotFoundProps) {
  return (
    <section className="message">
      <PageMeta title="Not found" description="There is no such page here." path={null} />
      <h1>Not found</h1>
      <p>
        There is no such {what} here. The link may be mistyped, or the story may have been removed.
      </p>
      <p>
        <Link className="button" to="/">
          Go to the latest articles
        </Link>
      </p>
    </section>
  )
}
