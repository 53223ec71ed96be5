import { afterEach, expect, test, vi } from 'vitest'
import { registerServiceWorker } from './register-service-worker'

function fakeServiceWorker(
  register: (url: string, options: RegistrationOptions) => Promise<unknown>,
) {
  Object.defineProperty(navigator, 'serviceWorker', { value: { register }, configurable: true })
}

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
  Reflect.deleteProperty(navigator, 'serviceWorker')
})

test('never registers outside a production build (the dev server, unit tests)', () => {
  const register = vi.fn(() => Promise.resolve())
  fakeServiceWorker(register)
  registerServiceWorker()
  expect(register).not.toHaveBeenCalled()
})

test("a production build registers sw.js at the site's base, scoped to it", () => {
  vi.stubEnv('PROD', true)
  const register = vi.fn(() => Promise.resolve())
  fakeServiceWorker(register)
  registerServiceWorker()
  const base = import.meta.env.BASE_URL
  expect(register).toHaveBeenCalledWith(`${base}sw.js`, { scope: base })
})

test('a browser without service workers is left alone, and a refused registration warns', async () => {
  vi.stubEnv('PROD', true)
  expect(() => registerServiceWorker()).not.toThrow()

  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  fakeServiceWorker(() => Promise.reject(new Error('SecurityError')))
  registerServiceWorker()
  await vi.waitFor(() =>
    expect(warn).toHaveBeenCalledWith(
      'The service worker could not be registered: offline reading is off.',
      expect.any(Error),
    ),
  )
})
