import { useEffect, useRef } from 'react'
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router-dom'
import { StorageNotice } from '@/components/reader/storage-notice'
import { OfflineNotice } from '@/components/ui/offline-notice'
import { site } from '@/config/site'
import { ReaderControls } from '@/features/reader/components/reader-controls'
import { SearchBox } from '@/features/search/components/search-box'

export function AppLayout() {
  const navigation = useNavigation()
  const location = useLocation()
  const main = useRef<HTMLElement>(null)
  const landing = useRef(location.key)

  // After a client navigation, move focus to the new content so screen readers announce it: not on
  // the page the reader landed on (StrictMode's second effect run is no navigation), and not while
  // the reader is typing in a field (the search box updates the URL as it goes).
  useEffect(() => {
    if (location.key === landing.current) return
    const active = document.activeElement
    if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) return
    main.current?.focus({ preventScroll: true })
  }, [location.key])

  const loading = navigation.state === 'loading'
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link className="site-name" to="/">
            {site.name}
          </Link>
          <SearchBox />
          <ReaderControls />
        </div>
        {loading ? <div className="progress" aria-hidden="true" /> : null}
      </header>
      <OfflineNotice />
      <StorageNotice />
      <main id="main" ref={main} tabIndex={-1} className="container" aria-busy={loading}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p className="muted">
            {site.name}: {site.description}
          </p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  )
}
