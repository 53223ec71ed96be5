import { useState } from 'react'
import { RouterProvider } from 'react-router-dom'
import { AppProvider } from './provider'
import { createQueryClient } from './query-client'
import { createRouter } from './router'

export function App() {
  const [queryClient] = useState(createQueryClient)
  const [router] = useState(() => createRouter(queryClient))
  return (
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  )
}
