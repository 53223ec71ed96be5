import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, test } from 'vitest'
import { ShareButtons } from './share-buttons'

test('Copy link puts the absolute article URL on the clipboard and says so politely', async () => {
  const user = userEvent.setup()
  render(<ShareButtons id="c79c02568b4c9959" slug="a-story" title="A story" />)
  const status = screen.getByRole('status')
  expect(status).toBeEmptyDOMElement()
  await user.click(screen.getByRole('button', { name: 'Copy link' }))
  expect(await navigator.clipboard.readText()).toBe(
    `${window.location.origin}/articles/c79c02568b4c9959/a-story`,
  )
  expect(status).toHaveTextContent('Link copied to the clipboard.')
})

test('when the clipboard refuses, the link is offered to copy by hand', async () => {
  const user = userEvent.setup()
  render(<ShareButtons id="c79c02568b4c9959" slug="a-story" title="A story" />)
  Object.defineProperty(navigator.clipboard, 'writeText', {
    configurable: true,
    value: () => Promise.reject(new Error('denied')),
  })
  await user.click(screen.getByRole('button', { name: 'Copy link' }))
  expect(await screen.findByRole('textbox', { name: 'Link to this article' })).toHaveValue(
    `${window.location.origin}/articles/c79c02568b4c9959/a-story`,
  )
})

test('Share appears only where the browser has a share sheet', () => {
  const { unmount } = render(<ShareButtons id="c79c02568b4c9959" slug="a" title="A" />)
  expect(screen.queryByRole('button', { name: 'Share' })).not.toBeInTheDocument()
  unmount()
  Object.defineProperty(navigator, 'share', { configurable: true, value: () => Promise.resolve() })
  render(<ShareButtons id="c79c02568b4c9959" slug="a" title="A" />)
  expect(screen.getByRole('button', { name: 'Share' })).toBeVisible()
  Reflect.deleteProperty(navigator, 'share')
})
