import type { QueryClient } from '@tanstack/react-query'
import { RouterProvider, type createBrowserRouter } from 'react-router-dom'
import { AppProvider } from './provider'

export type AppProps = {
  queryClient: QueryClient
  router: ReturnType<typeof createBrowserRouter>
}

export function App({ queryClient, router }: AppProps) {
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
