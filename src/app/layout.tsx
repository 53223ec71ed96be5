import { useEffect, useRef } from 'react'
import { Link, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router-dom'
import { site } from '@/config/site'

export function AppLayout() {
  const navigation = useNavigation()
  const location = useLocation()
  const main = useRef<HTMLElement>(null)
  const firstRender = useRef(true)

  // After a client navigation, move focus to the new content so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    main.current?.focus({ preventScroll: true })
  }, [location.pathname, location.search])

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
        </div>
        {loading ? <div className="progress" aria-hidden="true" /> : null}
      </header>
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
