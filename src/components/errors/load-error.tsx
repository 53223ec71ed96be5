import { PageMeta } from '@/components/seo/page-meta'

export type LoadErrorProps = {
  title: string
  detail: string
  action: string
  onAction: () => void
}

/** A view that could not load: says what failed and offers the way out. */
export function LoadError({ title, detail, action, onAction }: LoadErrorProps) {
  return (
    <section className="message" role="alert">
      <PageMeta title={title} description={detail} path={null} />
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <button type="button" className="button" onClick={onAction}>
          {action}
        </button>
      </p>
    </section>
  )
}
