/**
 * Stored documents carry the schema version they were written with: `{ "v": N, "data": ... }`.
 * Reading one migrates it step by step to STORE_VERSION; one from a newer version, or one that is
 * not such an envelope, cannot be read and is set aside by the store.
 */
import { isRecord, STORE_VERSION } from './schema'

/** Turns the data of version N into that of version N + 1. */
export type Migration = (data: unknown) => unknown

/**
 * Version 1 is the first schema: nothing to migrate yet. A change of shape adds
 * `{ 1: (data) => ...version 2... }` here and raises STORE_VERSION.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {}

export type Unwrapped =
  { ok: true; data: unknown; migrated: boolean } | { ok: false; reason: string }

export function wrap(data: unknown, version = STORE_VERSION): string {
  return JSON.stringify({ v: version, data })
}

export function unwrap(
  raw: string,
  current = STORE_VERSION,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
): Unwrapped {
  let doc: unknown
  try {
    doc = JSON.parse(raw)
  } catch {
    return { ok: false, reason: 'it is not valid JSON' }
  }
  if (!isRecord(doc) || !Number.isInteger(doc.v) || typeof doc.v !== 'number' || !('data' in doc)) {
    return { ok: false, reason: 'it is not in the format this app writes' }
  }
  if (doc.v > current) return { ok: false, reason: `it is from a newer version (${doc.v})` }
  if (doc.v < 1) return { ok: false, reason: `its version (${doc.v}) is unknown` }
  let data = doc.data
  for (let v = doc.v; v < current; v++) {
    const step = migrations[v]
    if (!step) return { ok: false, reason: `no migration from version ${v}` }
    try {
      data = step(data)
    } catch {
      return { ok: false, reason: `its migration from version ${v} failed` }
    }
  }
  return { ok: true, data, migrated: doc.v < current }
}
