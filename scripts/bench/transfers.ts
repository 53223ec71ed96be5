/**
 * Counts the bytes a browser context receives between start() and stop(): the response bodies
 * as transferred (compressed when the server compressed them), grouped by transferKind.
 */
import type { BrowserContext, Request } from '@playwright/test'
import { transferKind, type TransferKind } from './metrics.ts'

export type Transfers = { bytes: Record<TransferKind, number>; requests: number; paths: string[] }

const SETTLE_TIMEOUT_MS = 30_000

export function countTransfers(context: BrowserContext) {
  let counting = false
  const pending = new Set<Request>()
  const finished: Array<Promise<{ path: string; bytes: number }>> = []
  const failures: string[] = []
  context.on('request', (request) => {
    if (counting) pending.add(request)
  })
  context.on('requestfinished', (request) => {
    if (!pending.delete(request)) return
    const path = new URL(request.url()).pathname
    finished.push(request.sizes().then((sizes) => ({ path, bytes: sizes.responseBodySize })))
  })
  context.on('requestfailed', (request) => {
    if (pending.delete(request)) {
      failures.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`)
    }
  })
  return {
    start() {
      counting = true
    },
    /** Stops counting new requests, waits for those under way, and sums them. */
    async stop(): Promise<Transfers> {
      counting = false
      const deadline = Date.now() + SETTLE_TIMEOUT_MS
      while (pending.size > 0) {
        if (Date.now() > deadline) throw new Error(`${pending.size} requests never finished`)
        await new Promise((resolveWait) => setTimeout(resolveWait, 20))
      }
      if (failures.length > 0) throw new Error(`requests failed: ${failures.join('; ')}`)
      const bytes: Record<TransferKind, number> = { index: 0, display: 0, code: 0, page: 0 }
      const done = await Promise.all(finished)
      for (const { path, bytes: size } of done) bytes[transferKind(path)] += size
      return { bytes, requests: done.length, paths: done.map((d) => d.path) }
    },
  }
}
