import { render, screen, within } from '@testing-library/react'
import { MemoryRouter } from 'react-router-dom'
import { expect, test } from 'vitest'
import { RelatedStories } from './related-stories'

test('links each related story by its slug: written out, or derived from a plain title', () => {
  render(
    <MemoryRouter>
      <RelatedStories
        stories={[
          { id: 'c79c02568b4c9959', title: 'Ash closes the airport', source: 'Wire', date: null },
          {
            id: '00000000000000b1',
            slug: 'zurich-votes',
            title: 'Zürich votes',
            source: null,
            date: '2024-01-02',
          },
        ]}
      />
    </MemoryRouter>,
  )
  const section = screen.getByRole('region', { name: 'Related stories' })
  expect(within(section).getByRole('link', { name: 'Ash closes the airport' })).toHaveAttribute(
    'href',
    '/articles/c79c02568b4c9959/ash-closes-the-airport',
  )
  expect(within(section).getByRole('link', { name: 'Zürich votes' })).toHaveAttribute(
    'href',
    '/articles/00000000000000b1/zurich-votes',
  )
  expect(section).toHaveTextContent('January 2, 2024')
})

test('renders nothing when no story is related', () => {
  const { container } = render(
    <MemoryRouter>
      <RelatedStories stories={[]} />
    </MemoryRouter>,
  )
  expect(container).toBeEmptyDOMElement()
})
