import { act, render, screen } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { OfflineNotice } from './offline-notice'

const NOTICE = /^You are offline\./

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online)
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}

afterEach(() => {
  vi.restoreAllMocks()
})

test('nothing to say while online', () => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
  render(<OfflineNotice />)
  expect(screen.queryByText(NOTICE)).not.toBeInTheDocument()
})

test('says the reader is offline when the network goes, in a polite live region, and clears', () => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
  render(<OfflineNotice />)
  act(() => setOnline(false))
  const notice = screen.getByText(NOTICE)
  // The region was in the page before the notice arrived, so it is announced.
  expect(notice.parentElement).toHaveAttribute('aria-live', 'polite')
  act(() => setOnline(true))
  expect(screen.queryByText(NOTICE)).not.toBeInTheDocument()
})

test('shows the notice at once when the page opens offline', () => {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  render(<OfflineNotice />)
  expect(screen.getByText(NOTICE)).toBeVisible()
})
