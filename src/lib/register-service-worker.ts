/**
 * Registers the service worker (src/service-worker/worker.ts, built into `sw.js` at the site's
 * base) in production builds, so the reader works offline after one visit. Not in the dev server
 * (there is no sw.js) nor in unit tests.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const base = import.meta.env.BASE_URL
  const register = () => {
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
      console.warn('The service worker could not be registered: offline reading is off.', error)
    })
  }
  // After the page has loaded, so installing (which downloads the app once more) never competes
  // with the first view.
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
