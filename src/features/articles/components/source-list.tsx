import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import type { SourceSummary } from '@/lib/corpus/compiled'
import { formatNumber } from '@/lib/format'

const SHOWN = 40

export type SourceListProps = { sources: SourceSummary[] }

/** The sources with their article counts, most prolific first. */
export function SourceList({ sources }: SourceListProps) {
  if (sources.length === 0) return null
  const hidden = sources.length - SHOWN
  return (
    <nav className="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      <ul>
        {sources.slice(0, SHOWN).map((source) => (
          <li key={source.slug}>
            <Link to={paths.source(source.slug)}>
              {source.name} <span className="count">({formatNumber(source.count)})</span>
            </Link>
          </li>
        ))}
      </ul>
      {hidden > 0 ? <p className="muted">and {formatNumber(hidden)} more</p> : null}
    </nav>
  )
}
