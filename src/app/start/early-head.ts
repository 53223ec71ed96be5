/**
 * The script every page runs first in its head, before its body is parsed and painted: bundled on
 * its own into a small classic script (scripts/site/startup/reader-settings.ts), it applies the
 * reader's stored settings to <html> (src/lib/reader-store/early-settings.ts) and marks a page
 * that was prerendered for another URL, whose content the stylesheet then hides (page-check.ts).
 */
// Relative, not `@/`: the script is bundled outside Vite, without its aliases.
import { applyStoredSettings } from '../../lib/reader-store/early-settings'
import { markMismatchedPage } from './page-check'

applyStoredSettings(document.documentElement, () => localStorage)
markMismatchedPage(document, location)
