import { useEffect, useRef } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { ReadToggle, SaveButton } from '@/components/reader/story-actions'
import { storyProps } from '@/lib/story-scope'
import { HighlightedText, type Range } from '@/components/ui/highlighted-text'
import { paths } from '@/config/paths'
import { canonicalUrl } from '@/config/site-url'
import type { ArticleData } from '@/lib/corpus/compiled'
import { readerStore } from '@/lib/reader-store/browser-store'
import { toStoryRef } from '@/lib/reader-store/schema'
import { textProps } from '@/lib/text-direction'
import { ArticleMeta } from './article-meta'
import { RelatedStories } from './related-stories'
import { ShareButtons } from './share-buttons'

export type ArticleViewProps = {
  article: ArticleData
  /** The list page the reader came from. */
  backTo: string
  /** The reader came here from that list in this tab: going back is a step back in history. */
  backIsHistory?: boolean
  /** Where to mark words in the text: the words the reader searched for, when it came from search. */
  highlight?: (text: string) => readonly Range[]
}

export function ArticleView({
  article,
  backTo,
  backIsHistory = false,
  highlight,
}: ArticleViewProps) {
  const navigate = useNavigate()
  const body = useRef<HTMLDivElement>(null)
  const marked = highlight !== undefined
  // Coming from search: bring the first match into view.
  useEffect(() => {
    if (marked) body.current?.querySelector('mark')?.scrollIntoView({ block: 'center' })
  }, [marked, article.id])
  // Opened is read: the lists dim it, the history lists it (after hydration, never on the server).
  useEffect(() => readerStore().markRead(toStoryRef(article)), [article])
  const text = (value: string) =>
    highlight ? <HighlightedText text={value} ranges={highlight(value)} /> : value
  return (
    <article className="article" {...storyProps('article', article.url)}>
      <p className="back">
        <Link
          to={backTo}
          onClick={(event) => {
            // A plain click steps back, so the list comes back where the reader left it.
            if (!backIsHistory || event.button !== 0) return
            if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
            event.preventDefault()
            void navigate(-1)
          }}
        >
          ← Back to the list
        </Link>
      </p>
      <header className="article-header">
        <h1 {...textProps(article.language)}>{text(article.title)}</h1>
        <ArticleMeta
          source={article.source}
          sourceSlug={article.sourceSlug}
          date={article.date}
          readingMinutes={article.readingMinutes}
          author={article.author}
        />
        <div className="story-actions">
          <SaveButton key={article.id} story={toStoryRef(article)} article={() => article} />
          <ReadToggle story={toStoryRef(article)} />
        </div>
        <ShareButtons key={article.id} id={article.id} slug={article.slug} title={article.title} />
      </header>
      <div className="article-body" ref={body} {...textProps(article.language)}>
        {article.paragraphs.map((paragraph, i) => (
          <p key={i}>{text(paragraph)}</p>
        ))}
      </div>
      <footer className="article-footer">
        {article.tags.length > 0 ? <p className="muted">Tags: {article.tags.join(', ')}</p> : null}
        {article.url !== null ? (
          <p>
            <a className="original-link" href={article.url} rel="noopener noreferrer">
              Original article
            </a>
            {article.license !== null ? <span className="muted"> · {article.license}</span> : null}
          </p>
        ) : null}
        {article.url === null && article.license !== null ? (
          <p className="muted">License: {article.license}</p>
        ) : null}
        <p className="print-only">{canonicalUrl(paths.article(article.id, article.slug))}</p>
      </footer>
      <RelatedStories stories={article.related} />
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
