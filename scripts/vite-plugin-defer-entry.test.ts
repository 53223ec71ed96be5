import { afterEach, expect, test, vi } from 'vitest'
import { bootScript } from './vite-plugin-defer-entry.ts'

type PaintCallback = (list: { getEntriesByName: (name: string) => unknown[] }) => void

/** Runs the boot module with `import()` of its entry replaced by a spy, as the page would. */
function runBoot(rootHtml: string | null) {
  document.body.innerHTML = rootHtml === null ? '' : `<div id="root">${rootHtml}</div>`
  const start = vi.fn()
  const observers: { callback: PaintCallback; disconnect: () => void }[] = []
  class FakeObserver {
    callback: PaintCallback
    disconnect = vi.fn()
    constructor(callback: PaintCallback) {
      this.callback = callback
      observers.push(this)
    }
    observe() {}
  }
  vi.stubGlobal('PerformanceObserver', FakeObserver)
  const source = bootScript('./entry.js').replace('import("./entry.js")', 'startApp()')
  new Function('startApp', source)(start)
  const paint = (name: string) => {
    for (const observer of observers) {
      observer.callback({ getEntriesByName: (wanted) => (wanted === name ? [{ name }] : []) })
    }
  }
  return { start, paint, observers }
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

test('a page with nothing prerendered starts the app at once', () => {
  const { start } = runBoot('')
  expect(start).toHaveBeenCalledTimes(1)
})

test('a prerendered page starts the app only after its first contentful paint', () => {
  vi.useFakeTimers()
  const { start, paint, observers } = runBoot('<main><h1>Story</h1></main>')
  paint('first-paint')
  vi.advanceTimersByTime(1)
  expect(start).not.toHaveBeenCalled()
  paint('first-contentful-paint')
  paint('first-contentful-paint')
  vi.advanceTimersByTime(1)
  expect(start).toHaveBeenCalledTimes(1)
  expect(observers[0]?.disconnect).toHaveBeenCalled()
})

test('a page that never reports a paint starts the app after a bound', () => {
  vi.useFakeTimers()
  const { start } = runBoot('<main><h1>Story</h1></main>')
  vi.advanceTimersByTime(2999)
  expect(start).not.toHaveBeenCalled()
  vi.advanceTimersByTime(1)
  vi.advanceTimersByTime(1)
  expect(start).toHaveBeenCalledTimes(1)
})
