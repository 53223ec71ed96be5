import { Link } from 'react-router-dom'

export type PaginationProps = {
  page: number
  pageCount: number
  hrefFor: (page: number) => string
}

export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <Link className="button" to={hrefFor(page - 1)} rel="prev">
          ← Previous page
        </Link>
      ) : (
        <span className="button" aria-hidden="true" data-disabled="true">
          ← Previous page
        </span>
      )}
      <span className="pagination-status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="button" to={hrefFor(page + 1)} rel="next">
          Next page →
        </Link>
      ) : (
        <span className="button" aria-hidden="true" data-disabled="true">
          Next page →
        </span>
      )}
    </nav>
  )
}
