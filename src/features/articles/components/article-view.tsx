import { Link } from 'react-router-dom'
import { paths } from '@/config/paths'
import type { ArticleData } from '@/lib/corpus/compiled'
import { ArticleMeta } from './article-meta'
import { ShareButtons } from './share-buttons'

export type ArticleViewProps = {
  article: ArticleData
  /** The list page the reader came from. */
  backTo: string
}

export function ArticleView({ article, backTo }: ArticleViewProps) {
  return (
    <article className="article" lang={article.language ?? undefined}>
      <p className="back">
        <Link to={backTo}>← Back to the list</Link>
      </p>
      <header className="article-header">
        <h1>{article.title}</h1>
        <ArticleMeta
          source={article.source}
          sourceSlug={article.sourceSlug}
          date={article.date}
          readingMinutes={article.readingMinutes}
          author={article.author}
        />
        <ShareButtons key={article.id} id={article.id} slug={article.slug} title={article.title} />
      </header>
      <div className="article-body">
        {article.paragraphs.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      <footer className="article-footer">
        {article.tags.length > 0 ? <p className="muted">Tags: {article.tags.join(', ')}</p> : null}
        {article.url !== null ? (
          <p>
            <a href={article.url} rel="noopener noreferrer">
              Original article
            </a>
            {article.license !== null ? <span className="muted"> · {article.license}</span> : null}
          </p>
        ) : null}
        {article.url === null && article.license !== null ? (
          <p className="muted">License: {article.license}</p>
        ) : null}
      </footer>
      <nav className="article-nav" aria-label="More articles">
        {article.prev !== null ? (
          <Link
            className="article-nav-link"
            to={paths.article(article.prev.id, article.prev.slug)}
            rel="prev"
          >
            <span className="article-nav-label">Previous article</span>
            <span className="article-nav-title">{article.prev.title}</span>
          </Link>
        ) : null}
        {article.next !== null ? (
          <Link
            className="article-nav-link next"
            to={paths.article(article.next.id, article.next.slug)}
            rel="next"
          >
            <span className="article-nav-label">Next article</span>
            <span className="article-nav-title">{article.next.title}</span>
          </Link>
        ) : null}
      </nav>
    </article>
  )
}
