import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router-dom'
import { expect, test, vi } from 'vitest'
import type { Markup } from '@/lib/markup'
import { renderMarkup } from './markup'

function Where() {
  const location = useLocation()
  return (
    <output>{`${location.pathname}${location.search} ${JSON.stringify(location.state)}`}</output>
  )
}

test('markup renders as elements with their HTML attributes, and links as router links', async () => {
  const onClick = vi.fn()
  const markup: Markup = {
    tag: 'p',
    attrs: { class: 'meta', 'aria-current': false },
    children: [
      { tag: 'time', attrs: { datetime: '2024-03-01' }, children: ['March 1'] },
      { tag: 'a', to: '/search?q=a', state: { from: '/' }, children: ['Search'] },
      { tag: 'button', attrs: { type: 'button', disabled: false }, onClick, children: ['More'] },
    ],
  }
  const router = createMemoryRouter(
    [
      {
        path: '*',
        element: (
          <>
            {renderMarkup(markup)}
            <Where />
          </>
        ),
      },
    ],
    { initialEntries: ['/start'] },
  )
  const { container } = render(<RouterProvider router={router} />)
  expect(container.querySelector('p')?.outerHTML).toBe(
    '<p class="meta"><time datetime="2024-03-01">March 1</time>' +
      '<a href="/search?q=a" data-discover="true">Search</a>' +
      '<button type="button">More</button></p>',
  )
  await userEvent.click(screen.getByRole('button', { name: 'More' }))
  expect(onClick).toHaveBeenCalledTimes(1)
  await userEvent.click(screen.getByRole('link', { name: 'Search' }))
  expect(screen.getByRole('status')).toHaveTextContent('/search?q=a {"from":"/"}')
})
