import { render } from '@testing-library/react'
import { expect, test } from 'vitest'
import { HighlightedText } from './highlighted-text'

test('marks the ranges and keeps the rest as plain text', () => {
  const { container } = render(
    <p>
      <HighlightedText
        text="Baku and Azerbaijan"
        ranges={[
          [0, 4],
          [9, 19],
        ]}
      />
    </p>,
  )
  expect(container.innerHTML).toBe('<p><mark>Baku</mark> and <mark>Azerbaijan</mark></p>')
})

test('markup in the text stays text, and bad ranges are skipped', () => {
  const text = '<img src=x onerror=alert(1)> hello'
  const { container } = render(
    <p>
      <HighlightedText
        text={text}
        ranges={[
          [29, 34],
          [2, 1],
          [30, 31],
          [40, 50],
        ]}
      />
    </p>,
  )
  expect(container.querySelector('img')).toBeNull()
  expect(container.textContent).toBe(text)
  expect(container.querySelectorAll('mark')).toHaveLength(1)
})
