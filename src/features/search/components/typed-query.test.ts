import { act, renderHook } from '@testing-library/react'
import { expect, test } from 'vitest'
import {
  endTyping,
  settleTyping,
  typeQuery,
  useTypedQuery,
  type TypingLocation,
} from './typed-query'

const entry = (key: string, state: unknown = null): TypingLocation => ({ key, state })

test('a typed query stands for the entry it was typed on and for the entries the box made, not for others', () => {
  const start = entry('start')
  const { result, rerender } = renderHook((at: TypingLocation) => useTypedQuery(at), {
    initialProps: start,
  })
  expect(result.current).toBeNull()

  let state = { typing: 0 }
  act(() => void (state = typeQuery('floo', start)))
  expect(result.current).toBe('floo')
  act(() => void typeQuery('floods', start))
  expect(result.current).toBe('floods')

  // The box's navigation arrives: its entry carries the session; the entry it left is the URL's.
  const own = entry('own', state)
  rerender(own)
  expect(result.current).toBe('floods')
  act(() => settleTyping(own))
  rerender(start)
  expect(result.current).toBeNull()
  // Another entry (Back, a link): the URL's query.
  rerender(entry('elsewhere', { from: '/' }))
  expect(result.current).toBeNull()
})

test('after Enter, the next keystroke starts a session of its own', () => {
  const committed = entry('committed')
  const first = typeQuery('storms', committed)
  endTyping()
  const next = typeQuery('storms at sea', committed)
  expect(next.typing).not.toBe(first.typing)
  const { result, rerender } = renderHook((at: TypingLocation) => useTypedQuery(at), {
    initialProps: entry('earlier', first),
  })
  // Back to an entry of the ended session shows its own URL's query.
  expect(result.current).toBeNull()
  rerender(committed)
  expect(result.current).toBe('storms at sea')
})
