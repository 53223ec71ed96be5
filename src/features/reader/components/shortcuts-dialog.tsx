import { useEffect, useRef } from 'react'
import './reader-panels.css'

/**
 * The keyboard shortcuts, the convention feed readers share (Google Reader's, kept by Feedly,
 * Inoreader and NewsBlur), as the dialog lists them: `useShortcuts` handles them, except `/`,
 * which the search box handles itself (src/features/search/components/search-box.tsx).
 */
type Shortcut = { keys: readonly string[]; does: string }

const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['j'], does: 'Next story: in a list, moves the focus to it; on a story, opens it' },
  { keys: ['k'], does: 'Previous story' },
  { keys: ['o', 'Enter'], does: 'Open the focused story' },
  { keys: ['s'], does: 'Save the story, or unsave it' },
  { keys: ['m'], does: 'Mark the story read, or unread' },
  { keys: ['v'], does: 'Open the original article in a new tab' },
  { keys: ['/'], does: 'Search' },
  { keys: ['g h'], does: 'Go to the latest news' },
  { keys: ['g s'], does: 'Go to your saved stories' },
  { keys: ['?'], does: 'Show this list' },
  { keys: ['Esc'], does: 'Close this list' },
]

export type ShortcutsDialogProps = { onClose: () => void }

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex="0"]'

/**
 * The list of keyboard shortcuts, in a modal <dialog>: the page behind is inert, Tab and
 * Shift+Tab cycle inside it, Esc or Close closes it, and the focus goes back to where it was.
 */
export function ShortcutsDialog({ onClose }: ShortcutsDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const close = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    element.addEventListener('keydown', trapTab)
    element.showModal()
    close.current?.focus()
    return () => {
      element.removeEventListener('keydown', trapTab)
      if (element.open) element.close()
      opener?.focus()
    }
  }, [])

  return (
    <dialog
      ref={dialog}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-heading"
      // Not when it was closed only to open again (StrictMode's second effect run in development).
      onClose={() => {
        if (!dialog.current?.open) onClose()
      }}
    >
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">What it does</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(({ keys, does }) => (
            <tr key={keys.join()}>
              <td>
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 ? ' or ' : null}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">
        Shortcuts do nothing while you type in a field. Turn them off in Reading settings.
      </p>
      <button ref={close} type="button" className="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  )
}

/** Tab and Shift+Tab go round the dialog's controls, never out to the browser's. */
function trapTab(event: KeyboardEvent) {
  if (event.key !== 'Tab' || !(event.currentTarget instanceof HTMLElement)) return
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)]
  const first = focusable[0]
  const last = focusable.at(-1)
  if (!first || !last) return
  const active = document.activeElement
  if (event.shiftKey ? active === first : active === last) {
    event.preventDefault()
    ;(event.shiftKey ? last : first).focus()
  }
}
