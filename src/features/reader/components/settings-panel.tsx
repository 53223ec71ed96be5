import { useReaderSettings } from '@/components/reader/use-reader'
import { readerStore } from '@/lib/reader-store/browser-store'
import { FONTS, TEXT_SIZES, THEMES, WIDTHS, type ReaderSettings } from '@/lib/reader-store/schema'
import './reader-panels.css'

export type SettingsPanelProps = {
  id: string
  /** Opens the list of keyboard shortcuts. */
  onShowShortcuts: () => void
}

const LABELS: Record<string, string> = {
  serif: 'Serif',
  sans: 'Sans-serif',
  narrow: 'Narrow',
  normal: 'Normal',
  wide: 'Wide',
  system: 'Follow the system',
  light: 'Light',
  dark: 'Dark',
  sepia: 'Sepia',
}

const update = (patch: Partial<ReaderSettings>) => readerStore().updateSettings(patch)

/**
 * Reading settings: text size, font, line width, theme and the keyboard shortcuts. Each change
 * applies at once (attributes on <html>: src/lib/reader-store/apply-settings.ts) and is kept in
 * this browser, so every page paints with it from the first frame.
 */
export function SettingsPanel({ id, onShowShortcuts }: SettingsPanelProps) {
  const settings = useReaderSettings()
  const size = TEXT_SIZES[settings.textSize] ?? 100
  return (
    <section id={id} className="settings-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="visually-hidden">
        Reading settings
      </h2>
      <fieldset>
        <legend>Text size</legend>
        <div className="text-size">
          <button
            type="button"
            className="button button-small"
            onClick={() => update({ textSize: Math.max(0, settings.textSize - 1) })}
          >
            Smaller
          </button>
          <output aria-live="polite">{size}%</output>
          <button
            type="button"
            className="button button-small"
            onClick={() =>
              update({ textSize: Math.min(TEXT_SIZES.length - 1, settings.textSize + 1) })
            }
          >
            Larger
          </button>
        </div>
      </fieldset>
      <Choice
        legend="Font"
        name="font"
        choices={FONTS}
        value={settings.font}
        onChange={(font) => update({ font })}
      />
      <Choice
        legend="Line width"
        name="width"
        choices={WIDTHS}
        value={settings.width}
        onChange={(width) => update({ width })}
      />
      <Choice
        legend="Theme"
        name="theme"
        choices={THEMES}
        value={settings.theme}
        onChange={(theme) => update({ theme })}
      />
      <fieldset>
        <legend>Keyboard</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.shortcuts}
            onChange={(event) => update({ shortcuts: event.target.checked })}
          />
          Keyboard shortcuts
        </label>
        <button type="button" className="button button-small" onClick={onShowShortcuts}>
          List the shortcuts
        </button>
      </fieldset>
    </section>
  )
}

type ChoiceProps<T extends string> = {
  legend: string
  name: string
  choices: readonly T[]
  value: T
  onChange: (value: T) => void
}

function Choice<T extends string>({ legend, name, choices, value, onChange }: ChoiceProps<T>) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice}>
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            onChange={() => onChange(choice)}
          />
          {LABELS[choice] ?? choice}
        </label>
      ))}
    </fieldset>
  )
}
