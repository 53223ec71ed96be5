import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

afterEach(() => {
  cleanup()
})

// jsdom does not lay out or scroll; the router's scroll restoration calls this.
if (typeof window !== 'undefined') window.scrollTo = () => {}
