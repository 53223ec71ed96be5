import fc from 'fast-check'
import { expect, it } from 'vitest'
import { plainSlug, relatedSlug } from './compiled'
import { slugify } from './derive'

const ASCII_TITLE = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
})

it('derives the slug slugify gives a title of ASCII characters', () => {
  fc.assert(
    fc.property(ASCII_TITLE, (title) => {
      expect(plainSlug(title)).toBe(slugify(title))
    }),
  )
  const long =
    'Living with HIV during COVID-19: Wikinews talks to HIV-positive sex workers about how'
  expect(plainSlug(long)).toBe(slugify(long))
  expect(plainSlug('Lava reaches the coast: “Vulcania’s” airport shut')).toBe(
    slugify('Lava reaches the coast: “Vulcania’s” airport shut'),
  )
})

it('links a related story by its written slug when the title alone does not give it', () => {
  const link = { id: 'c79c02568b4c9959', title: 'Zürich votes', source: null, date: null }
  expect(relatedSlug(link)).toBe('z-rich-votes')
  expect(relatedSlug({ ...link, slug: slugify(link.title) })).toBe('zurich-votes')
  expect(relatedSlug({ ...link, title: 'Ash closes the airport' })).toBe('ash-closes-the-airport')
})
