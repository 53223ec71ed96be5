import { useEffect, useEffectEvent } from 'react'
import { useNavigate } from 'react-router-dom'
import { paths } from '@/config/paths'
import type { act } from './story-keys'

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

export type UseShortcutsOptions = {
  /** The reader's setting: off, no key is a shortcut. */
  enabled: boolean
  /** `?`: show the list of shortcuts. */
  onHelp: () => void
}

/**
 * The keyboard shortcuts, which the help dialog lists (components/shortcuts-dialog.tsx). The keys
 * that act on a story load their code on first use (story-keys.ts); they focus or click the
 * controls the reader sees, so a key does exactly what its button or link does. Never while
 * typing in a field, with Ctrl, Alt or Meta held, or while a modal dialog is open.
 */
export function useShortcuts({ enabled, onHelp }: UseShortcutsOptions) {
  const navigate = useNavigate()
  const go = useEffectEvent((to: string) => void navigate(to))
  const help = useEffectEvent(() => onHelp())

  useEffect(() => {
    if (!enabled) return
    let sequenceStart = -Infinity
    let keys: Promise<{ act: typeof act } | undefined> | undefined
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
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
        // No default action of these keys outside a field is lost.
        keys ??= import('./story-keys').catch(() => (keys = undefined))
        const key = event.key
        void keys.then((module) => module?.act(key))
      } else {
        return
      }
      event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
