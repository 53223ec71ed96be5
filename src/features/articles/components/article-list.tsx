import type { ListPage } from '@/lib/corpus/compiled'
import { ArticleCard } from './article-card'
import { Pagination } from './pagination'

export type ArticleListProps = {
  list: ListPage
  /** The URL of this list page, for the articles' way back. */
  from: string
  /** Page links; without it the list stands alone, with no pagination. */
  hrefFor?: (page: number) => string
}

export function ArticleList({ list, from, hrefFor }: ArticleListProps) {
  if (list.items.length === 0) {
    return <p className="empty">There are no articles yet.</p>
  }
  return (
    <>
      <ol className="article-list">
        {list.items.map((item) => (
          <li key={item.id}>
            <ArticleCard item={item} from={from} />
          </li>
        ))}
      </ol>
      {hrefFor ? (
        <Pagination page={list.page} pageCount={list.pageCount} hrefFor={hrefFor} />
      ) : null}
    </>
  )
}
