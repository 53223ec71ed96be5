import { afterEach, expect, test, vi } from 'vitest'
import type { Rolldown } from 'vite'
import { bootScript, deferEntry, startupChunks } from './defer-entry.ts'

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

test('starting, the boot preloads the start-up chunks along with the entry', () => {
  document.head.innerHTML = ''
  document.body.innerHTML = '<div id="root"></div>'
  const order: string[] = []
  const source = bootScript('./entry.js', ['/assets/client-abc.js']).replace(
    'import("./entry.js")',
    'startApp()',
  )
  new Function('startApp', source)(() => {
    order.push('entry')
  })
  order.push(...[...document.head.querySelectorAll('link')].map((l) => `${l.rel} ${l.href}`))
  expect(order).toEqual(['entry', 'modulepreload http://localhost:3000/assets/client-abc.js'])
})

test('the start-up chunks are the libraries the entry imports dynamically, not its routes', () => {
  const chunk = (fileName: string, facadeModuleId: string, dynamicImports: string[] = []) =>
    ({ type: 'chunk', fileName, facadeModuleId, dynamicImports }) as const
  const bundle = {
    'assets/index-1.js': chunk('assets/index-1.js', '/app/index.html', [
      'assets/client-2.js',
      'assets/home-3.js',
    ]),
    'assets/client-2.js': chunk('assets/client-2.js', '/app/node_modules/react-dom/client.js'),
    'assets/home-3.js': chunk('assets/home-3.js', '/app/src/app/routes/home.tsx'),
  }
  const files = (entry: string) =>
    startupChunks(bundle as unknown as Rolldown.OutputBundle, entry).map((c) => c.fileName)
  expect(files('assets/index-1.js')).toEqual(['assets/client-2.js'])
  expect(files('assets/home-3.js')).toEqual([])
  expect(files('assets/missing.js')).toEqual([])
})

const viteIndexHtml = `<!doctype html>
<html lang="en">
  <head>
    <title>Newsreader</title>
    <script type="module" crossorigin src="/news/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/news/assets/shared-4.js">
  </head>
  <body><div id="root"></div></body>
</html>`

/** The bundle of a build whose entry imports React DOM dynamically, as src/app/start does. */
function appBundle(reactDom = true) {
  const chunk = (fileName: string, facadeModuleId: string, more: object = {}) =>
    ({
      type: 'chunk',
      fileName,
      facadeModuleId,
      isEntry: false,
      dynamicImports: [],
      ...more,
    }) as const
  return {
    'assets/index-1.js': chunk('assets/index-1.js', '/app/index.html', {
      isEntry: true,
      dynamicImports: reactDom ? ['assets/client-2.js'] : [],
    }),
    'assets/client-2.js': chunk('assets/client-2.js', '/app/node_modules/react-dom/client.js'),
  } as unknown as Rolldown.OutputBundle
}

test("the entry's tag and Vite's preloads give way to the boot script, which loads them", () => {
  const { html, boot, bootName } = deferEntry(viteIndexHtml, appBundle(), 'dist/index.html')
  expect(bootName).toMatch(/^boot-[0-9a-f]{8}\.js$/)
  expect(html).toContain(`<script type="module" crossorigin src="/news/assets/${bootName}">`)
  expect(html).not.toContain('index-1.js')
  expect(html).not.toContain('modulepreload')
  expect(boot).toBe(
    bootScript('./index-1.js', ['/news/assets/shared-4.js', '/news/assets/client-2.js']),
  )
})

test("HTML without Vite's entry tag stops the build, naming the file and the tag", () => {
  const html = viteIndexHtml.replace('type="module" crossorigin src', 'type="module" src')
  expect(() => deferEntry(html, appBundle(), 'dist/index.html')).toThrow(
    'defer-entry: dist/index.html has no <script type="module" crossorigin src=".../assets/<entry>.js"></script>',
  )
})

test('a module preload in another form than Vite writes stops the build', () => {
  const html = viteIndexHtml.replace(
    '<link rel="modulepreload" crossorigin href',
    '<link rel="modulepreload" crossorigin="" href',
  )
  expect(() => deferEntry(html, appBundle(), 'dist/index.html')).toThrow(
    'defer-entry: dist/index.html has 1 modulepreload links, of which 0 read',
  )
})

test('an entry tag for a file that is no entry chunk stops the build', () => {
  const html = viteIndexHtml.replace('index-1.js', 'index-9.js')
  expect(() => deferEntry(html, appBundle(), 'dist/index.html')).toThrow(
    'defer-entry: dist/index.html loads /news/assets/index-9.js, which is no entry chunk of the bundle',
  )
})

test('an entry without React DOM in a chunk of its own stops the build', () => {
  expect(() => deferEntry(viteIndexHtml, appBundle(false), 'dist/index.html')).toThrow(
    'defer-entry: the entry assets/index-1.js imports no library chunk dynamically',
  )
})
