import { expect, test } from 'vitest'
import { COMPILE_HINT, withCompileHint } from './compile-hints.ts'

test('the hint is the first line, ahead of what the bundler put at the top', () => {
  const code = 'const __vite__mapDeps=(i)=>i;\nexport{}'
  expect(withCompileHint(code).split('\n')[0]).toBe(COMPILE_HINT)
  expect(withCompileHint(code).slice(COMPILE_HINT.length + 1)).toBe(code)
})

test('a chunk written twice keeps one hint', () => {
  const once = withCompileHint('export{}')
  expect(withCompileHint(once)).toBe(once)
})
