/**
 * What the keyboard shortcuts do once one is pressed (use-shortcuts.ts loads this module on the
 * first key that may be one, so a first visit does not download it). The keys that act on a
 * story are in story-keys.ts. (Not in utils/: the build puts every module of a feature's utils/
 * into the chunk each page loads at start, scripts/site/startup/entries.ts.)
 */
import { paths } from '@/config/paths'
import { act } from './story-keys'

/** The keys that act on a story (story-keys.ts). */
const STORY_KEYS = new Set(['j', 'k', 'o', 's', 'm', 'v'])

/** How long after `g` its second key counts. */
const SEQUENCE_MS = 1500

/** Inputs that take no typed text: a key pressed on one (a settings radio) is a shortcut. */
const NOT_TEXT = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
])

/** Keys typed into a field are text, never shortcuts. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    (target instanceof HTMLInputElement && !NOT_TEXT.has(target.type)) ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
}

export type ShortcutActions = {
  /** `g h`, `g s`: go to a page of the app. */
  go: (to: string) => void
  /** `?`: show the list of shortcuts. */
  help: () => void
}

/**
 * The handler of a keydown the page's listener passed on (no Ctrl, Alt or Meta held), with the
 * `g` sequence's state. Never while typing in a field or while a modal dialog is open.
 */
export function keyHandler({ go, help }: ShortcutActions): (event: KeyboardEvent) => void {
  let sequenceStart = -Infinity
  return (event) => {
    if (event.defaultPrevented) return
    if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return
    const sequence = event.timeStamp - sequenceStart < SEQUENCE_MS
    sequenceStart = -Infinity
    if (sequence && (event.key === 'h' || event.key === 's')) {
      go(event.key === 'h' ? paths.home() : paths.saved())
    } else if (event.key === 'g') {
      sequenceStart = event.timeStamp
    } else if (event.key === '?') {
      help()
    } else if (STORY_KEYS.has(event.key)) {
      act(event.key)
    } else {
      return
    }
    event.preventDefault()
  }
}
