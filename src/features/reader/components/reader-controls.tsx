import { lazy, Suspense, useId, useState } from 'react'
import { Link } from 'react-router-dom'
import { useReaderSettings } from '@/components/reader/use-reader'
import { paths } from '@/config/paths'
import { useShortcuts } from '../hooks/use-shortcuts'

// Loaded when first opened: a first visit downloads neither.
const SettingsPanel = lazy(() =>
  import('./settings-panel').then((m) => ({ default: m.SettingsPanel })),
)
const ShortcutsDialog = lazy(() =>
  import('./shortcuts-dialog').then((m) => ({ default: m.ShortcutsDialog })),
)

/**
 * The header's part of the reader's own: links to Saved and History, the Reading settings
 * button and its panel, and the keyboard shortcuts with their help dialog (`?`).
 */
export function ReaderControls() {
  const settings = useReaderSettings()
  const [panelOpen, setPanelOpen] = useState(false)
  const [helpOpen, setHelpOpen] = useState(false)
  const panelId = useId()
  useShortcuts({ enabled: settings.shortcuts, onHelp: () => setHelpOpen(true) })
  return (
    <>
      <nav className="header-nav" aria-label="Your reading">
        <Link to={paths.saved()}>Saved</Link>
        <Link to={paths.history()}>History</Link>
        <button
          type="button"
          className="button"
          aria-expanded={panelOpen}
          aria-controls={panelOpen ? panelId : undefined}
          onClick={() => setPanelOpen((open) => !open)}
        >
          Reading settings
        </button>
      </nav>
      <Suspense fallback={null}>
        {panelOpen ? (
          <SettingsPanel id={panelId} onShowShortcuts={() => setHelpOpen(true)} />
        ) : null}
        {helpOpen ? <ShortcutsDialog onClose={() => setHelpOpen(false)} /> : null}
      </Suspense>
    </>
  )
}
