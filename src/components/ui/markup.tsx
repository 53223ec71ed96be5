import { createElement, Fragment, type ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { Markup } from '@/lib/markup'

/** What the app draws in a markup slot, by the slot's name, from the slot's data. */
export type MarkupSlots = Readonly<Record<string, (data: unknown) => ReactNode>>

/** The HTML attribute names that React spells as DOM properties. */
const PROP_NAMES: Readonly<Record<string, string>> = { class: 'className', datetime: 'dateTime' }

/**
 * `markup` (`src/lib/markup.ts`) as React elements: an element with `to` is the router's <Link>,
 * so it navigates within the app. The search page's early script draws the same markup as DOM
 * nodes (`src/app/start/early-draw.ts`).
 */
export function renderMarkup(markup: Markup, slots: MarkupSlots = {}): ReactNode {
  if (typeof markup === 'string') return markup
  const { tag, attrs = {}, children = [], key, to, replace, state, onClick, slot } = markup
  if (slot !== undefined) {
    const render = slots[slot.name]
    return render ? createElement(Fragment, { key }, render(slot.data)) : null
  }
  const props: Record<string, unknown> = { key, onClick }
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== false) props[PROP_NAMES[name] ?? name] = value
  }
  const rendered = children.map((child) => renderMarkup(child, slots))
  return to === undefined
    ? createElement(tag, props, ...rendered)
    : createElement(Link, { ...props, to, replace, state }, ...rendered)
}
