/**
 * Reading settings reach the page as attributes on <html>, which the stylesheet reads
 * (`:root[data-theme='sepia']`, ...): no inline style, so the Content Security Policy stays as
 * strict as it is. The early settings script (`early-settings.ts`) applies them before the first
 * paint; the app applies them again when the reader changes one.
 */
import { DEFAULT_SETTINGS, type ReaderSettings } from './schema'

export function applySettings(root: HTMLElement, settings: ReaderSettings): void {
  const set = (name: string, value: string, fallback: string) => {
    if (value === fallback) root.removeAttribute(name)
    else root.setAttribute(name, value)
  }
  set('data-theme', settings.theme, DEFAULT_SETTINGS.theme)
  set('data-font', settings.font, DEFAULT_SETTINGS.font)
  set('data-width', settings.width, DEFAULT_SETTINGS.width)
  set('data-text-size', String(settings.textSize), String(DEFAULT_SETTINGS.textSize))
}
