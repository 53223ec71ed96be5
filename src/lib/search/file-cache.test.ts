import { expect, it } from 'vitest'
import { FileCache } from './file-cache.ts'

function counting(fail: (path: string, call: number) => boolean = () => false) {
  const calls: string[] = []
  const fetch = async (path: string) => {
    calls.push(path)
    if (fail(path, calls.length)) throw new Error(`failed ${path}`)
    return `content of ${path}`
  }
  return { calls, fetch }
}

it('loads a file once and hands the same promise to every caller', async () => {
  const { calls, fetch } = counting()
  const cache = new FileCache(fetch)
  const first = cache.get('a')
  expect(cache.get('a')).toBe(first)
  expect(await first).toBe('content of a')
  expect(calls).toEqual(['a'])
})

it('forgets a failed load, so that the next call loads the file again', async () => {
  const { calls, fetch } = counting((_, call) => call === 1)
  const cache = new FileCache(fetch)
  await expect(cache.get('a')).rejects.toThrow('failed a')
  expect(await cache.get('a')).toBe('content of a')
  expect(calls).toEqual(['a', 'a'])
})

it('forgets the least recently used file past its size', async () => {
  const { calls, fetch } = counting()
  const cache = new FileCache(fetch, 2)
  await cache.get('a')
  await cache.get('b')
  await cache.get('a')
  await cache.get('c')
  await cache.get('a')
  expect(calls).toEqual(['a', 'b', 'c'])
  await cache.get('b')
  expect(calls).toEqual(['a', 'b', 'c', 'b'])
})
