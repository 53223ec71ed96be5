import { afterEach, expect, test, vi } from 'vitest'
import { NetworkError } from '@/lib/fetch-json'
import { createQueryClient } from './query-client'

afterEach(() => {
  vi.restoreAllMocks()
})

test('a request that failed with the browser offline is not retried; online it is', async () => {
  const queryClient = createQueryClient()
  // As the app's provider does: the client then follows the browser's online and offline events.
  queryClient.mount()
  const url = '/data/v1/articles/ab/abcdefabcdefabcd.json'
  const queryFn = vi.fn(() => Promise.reject(new NetworkError(url)))

  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
  // TanStack Query's online manager hears it too (it pauses fetches unless told otherwise).
  window.dispatchEvent(new Event('offline'))
  await expect(queryClient.fetchQuery({ queryKey: ['offline'], queryFn })).rejects.toThrow(
    NetworkError,
  )
  // Fetched although the browser says it is offline (the service worker may have the file).
  expect(queryFn).toHaveBeenCalledTimes(1)

  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true)
  window.dispatchEvent(new Event('online'))
  const retry = queryClient.getDefaultOptions().queries?.retry
  expect(retry).toBeTypeOf('function')
  expect(typeof retry === 'function' ? retry(0, new NetworkError(url)) : retry).toBe(true)
  queryClient.unmount()
})
