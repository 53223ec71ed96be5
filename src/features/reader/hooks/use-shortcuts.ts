import { useEffect, useEffectEvent } from 'react'
import { useNavigate } from 'react-router-dom'
import type { keyHandler } from './shortcut-keys'

/** The keys that may be shortcuts: their code (shortcut-keys.ts) loads on the first of them. */
const KEYS = new Set(['j', 'k', 'o', 's', 'm', 'v', 'g', 'h', '?'])

export type UseShortcutsOptions = {
  /** The reader's setting: off, no key is a shortcut. */
  enabled: boolean
  /** `?`: show the list of shortcuts. */
  onHelp: () => void
}

/**
 * The keyboard shortcuts, which the help dialog lists (components/shortcuts-dialog.tsx). What
 * they do loads on the first key that may be one (shortcut-keys.ts, story-keys.ts); they focus or
 * click the controls the reader sees, so a key does exactly what its button or link does. Never
 * while typing in a field, with Ctrl, Alt or Meta held, or while a modal dialog is open.
 */
export function useShortcuts({ enabled, onHelp }: UseShortcutsOptions) {
  const navigate = useNavigate()
  const go = useEffectEvent((to: string) => void navigate(to))
  const help = useEffectEvent(() => onHelp())

  useEffect(() => {
    if (!enabled) return
    let handler: Promise<ReturnType<typeof keyHandler> | undefined> | undefined
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      // Once loaded, every key goes to the handler: any other key ends a `g` sequence.
      if (handler === undefined && !KEYS.has(event.key)) return
      handler ??= import('./shortcut-keys')
        .then((module) => module.keyHandler({ go, help }))
        .catch(() => (handler = undefined))
      // Once loaded, the handler runs in a microtask of this very dispatch, where preventDefault
      // still counts; the first key's default, which none of these keys has outside a field, not.
      void handler.then((handle) => handle?.(event))
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [enabled])
}
