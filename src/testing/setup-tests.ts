import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy* and waitFor give up after 1 s by default: on a busy 2-core machine a render that takes
// longer is slow, not wrong. The test's own timeout (5 s) still bounds a real hang.
configure({ asyncUtilTimeout: 4000 })

afterEach(() => {
  cleanup()
})

// jsdom does not lay out or scroll; the router's scroll restoration calls this.
if (typeof window !== 'undefined') window.scrollTo = () => {}
