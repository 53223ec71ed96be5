import { useState, useSyncExternalStore } from 'react'
import { absoluteUrl, paths } from '@/config/paths'

export type ShareButtonsProps = { id: string; slug: string; title: string }

const noSubscribe = () => () => {}
const canShareNow = () => typeof navigator.share === 'function'
/** Prerendered HTML has no share sheet: the button appears once the app runs. */
const canShareOnServer = () => false

type Status = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; url: string }

export function ShareButtons({ id, slug, title }: ShareButtonsProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const canShare = useSyncExternalStore(noSubscribe, canShareNow, canShareOnServer)

  async function copyLink() {
    const url = absoluteUrl(paths.article(id, slug))
    try {
      await navigator.clipboard.writeText(url)
      setStatus({ kind: 'copied' })
    } catch {
      setStatus({ kind: 'failed', url })
    }
  }

  async function share() {
    try {
      await navigator.share({ title, url: absoluteUrl(paths.article(id, slug)) })
    } catch {
      // The reader closed the share sheet: nothing to say.
    }
  }

  return (
    <div className="share">
      <button type="button" className="button" onClick={() => void copyLink()}>
        Copy link
      </button>
      {canShare ? (
        <button type="button" className="button" onClick={() => void share()}>
          Share
        </button>
      ) : null}
      <p className="share-status" role="status">
        {status.kind === 'copied' ? 'Link copied to the clipboard.' : null}
        {status.kind === 'failed' ? 'Could not copy the link; select it here to copy it.' : null}
      </p>
      {status.kind === 'failed' ? (
        <input
          className="share-url"
          readOnly
          value={status.url}
          aria-label="Link to this article"
          onFocus={(event) => event.currentTarget.select()}
        />
      ) : null}
    </div>
  )
}
