import type { QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { RouterProvider, type createBrowserRouter } from 'react-router-dom'
import { markAppReady } from '@/lib/page-handover'
import { AppProvider } from './provider'

export type AppProps = {
  queryClient: QueryClient
  router: ReturnType<typeof createBrowserRouter>
}

export function App({ queryClient, router }: AppProps) {
  // Marks the page as running (hydrated, or rendered): until then a prerendered page is plain HTML
  // whose buttons do nothing yet. Tests wait for it before they click.
  useEffect(() => markAppReady(document), [])
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
