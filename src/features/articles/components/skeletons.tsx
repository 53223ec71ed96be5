/** Placeholders the size of the content they stand for, so nothing shifts when it arrives. */

export function ListSkeleton() {
  return (
    <div className="skeleton" aria-busy="true" aria-label="Loading articles">
      <div className="skeleton-line skeleton-h1" />
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="card">
          <div className="skeleton-line skeleton-title" />
          <div className="skeleton-line skeleton-meta" />
          <div className="skeleton-line" />
          <div className="skeleton-line skeleton-short" />
        </div>
      ))}
    </div>
  )
}

export function ArticleSkeleton() {
  return (
    <div className="skeleton article" aria-busy="true" aria-label="Loading the article">
      <div className="skeleton-line skeleton-h1" />
      <div className="skeleton-line skeleton-h1 skeleton-short" />
      <div className="skeleton-line skeleton-meta" />
      {Array.from({ length: 12 }, (_, i) => (
        <div
          key={i}
          className={`skeleton-line${i % 4 === 3 ? ' skeleton-short skeleton-gap' : ''}`}
        />
      ))}
    </div>
  )
}
