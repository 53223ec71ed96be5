/**
 * The query the reader is typing, ahead of the URL. The search box writes it on every keystroke
 * and the search view shows its results at once; the URL catches up when the typing pauses
 * (search-box.tsx), so that a keystroke never waits for a router navigation.
 *
 * It stands for one typing session's history entries only: the entry the session started on,
 * until the box's first navigation of the session has arrived, and the entries the box navigated
 * to (their history state names the session). Anywhere else, after Back or a link, the URL is the
 * state again. A session ends when the reader commits the query with Enter: the next keystroke
 * starts another, on the committed entry.
 */
import { useSyncExternalStore } from 'react'
import { MAX_QUERY_LENGTH } from '../utils/search-params'

type Typing = {
  session: number
  q: string
  /** The key of the entry the session started on, until the box's first navigation arrived. */
  startKey: string | null
  ended: boolean
}

/** The parts of a router location the typing is matched against. */
export type TypingLocation = { key: string; state: unknown }

let typing: Typing | null = null
let sessions = 0
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const current = () => typing

function sessionOf(state: unknown): number | null {
  if (typeof state !== 'object' || state === null) return null
  const session: unknown = Reflect.get(state, 'typing')
  return typeof session === 'number' ? session : null
}

function standsFor(t: Typing, location: TypingLocation): boolean {
  return sessionOf(location.state) === t.session || location.key === t.startKey
}

/**
 * The box's keystroke: `q` is now the typed query, in the session under way at `location` or a
 * new one. Returns the history state the box's navigations carry for that session.
 */
export function typeQuery(q: string, location: TypingLocation): { typing: number } {
  const text = q.slice(0, MAX_QUERY_LENGTH)
  typing =
    typing !== null && !typing.ended && standsFor(typing, location)
      ? { ...typing, q: text }
      : { session: ++sessions, q: text, startKey: location.key, ended: false }
  for (const listener of listeners) listener()
  return { typing: typing.session }
}

/** The reader committed the query (Enter): the next keystroke starts a new session. */
export function endTyping(): void {
  if (typing !== null) typing = { ...typing, ended: true }
}

/**
 * The router has arrived at `location`: once it is one of the session's own entries, the entry
 * the session started on is the URL's again (Back to it shows its own query).
 */
export function settleTyping(location: TypingLocation): void {
  if (typing !== null && typing.startKey !== null && sessionOf(location.state) === typing.session) {
    typing = { ...typing, startKey: null }
    for (const listener of listeners) listener()
  }
}

/** The query typed for `location`, when a typing session stands for it; null: the URL's. */
export function useTypedQuery(location: TypingLocation): string | null {
  const now = useSyncExternalStore(subscribe, current, () => null)
  return now !== null && standsFor(now, location) ? now.q : null
}
