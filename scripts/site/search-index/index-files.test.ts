// @vitest-environment node
import { inflateSync } from 'node:zlib'
import { expect, it } from 'vitest'
import { IndexFiles } from './index-files.ts'

it('deflates each file and counts files and bytes by kind', () => {
  const out = new IndexFiles(9)
  const payload = new Uint8Array(1000).fill(7)
  out.put('search/t/0.bin', payload)
  out.put('search/t/1.bin', payload)
  out.put('search/root.bin', payload)
  const t0 = out.files.get('search/t/0.bin') ?? new Uint8Array(0)
  expect(t0.length).toBeLessThan(100)
  expect(new Uint8Array(inflateSync(t0))).toEqual(payload)
  const { bytes, byKind } = out.sizes()
  expect(Object.keys(byKind)).toEqual(['t', 'root'])
  expect(byKind.t).toEqual({ files: 2, bytes: t0.length * 2 })
  expect(bytes).toBe(t0.length * 3)
})
