import { afterEach, expect, test, vi } from 'vitest'
import { isRecord, markdownTable, median, percentile, readOptions, UsageError } from './common.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

test('median takes the middle value, or the mean of the two middle ones', () => {
  expect(median([3, 1, 2])).toBe(2)
  expect(median([4, 1, 3, 2])).toBe(2.5)
  expect(median([7])).toBe(7)
  expect(median([])).toBeNaN()
})

test('percentile is the nearest rank, whatever the input order', () => {
  const values = [50, 10, 40, 20, 30, 60, 70, 80, 90, 100]
  expect(percentile(values, 50)).toBe(50)
  expect(percentile(values, 95)).toBe(100)
  expect(percentile(values, 90)).toBe(90)
  expect(percentile(values, 0)).toBe(10)
  expect(percentile([7], 95)).toBe(7)
  expect(percentile([], 50)).toBeNaN()
  expect(values[0]).toBe(50)
})

test('markdownTable right-aligns the columns asked for', () => {
  expect(markdownTable(['a', 'b'], [['1', '2']], ['left', 'right'])).toBe(
    '| a | b |\n| --- | ---: |\n| 1 | 2 |',
  )
  expect(markdownTable(['a'], [])).toBe('| a |\n| --- |')
})

test('isRecord accepts plain objects only', () => {
  expect(isRecord({ a: 1 })).toBe(true)
  expect(isRecord([])).toBe(false)
  expect(isRecord(null)).toBe(false)
  expect(isRecord('x')).toBe(false)
})

const spec = {
  usage: 'usage: bench [--runs N] [--fast]',
  options: {
    runs: { type: 'string', default: '5' },
    fast: { type: 'boolean', default: false },
    corpus: { type: 'string' },
  },
} as const

test('readOptions reads the options, with their defaults', () => {
  expect(readOptions({ ...spec, args: ['--runs', '3'] }).values).toEqual({
    runs: '3',
    fast: false,
  })
  const { values, positionals } = readOptions({
    ...spec,
    allowPositionals: true,
    args: ['x', '--fast', '--corpus=dir'],
  })
  expect(values).toEqual({ runs: '5', fast: true, corpus: 'dir' })
  expect(positionals).toEqual(['x'])
})

test('readOptions rejects an unknown option with the usage', () => {
  expect(() => readOptions({ ...spec, args: ['--rnus', '3'] })).toThrow(UsageError)
  expect(() => readOptions({ ...spec, args: ['--rnus', '3'] })).toThrow(/usage: bench/)
  expect(() => readOptions({ ...spec, args: ['stray'] })).toThrow(UsageError)
})

test('--help prints the usage and exits 0; as the value of an option it is an error', () => {
  const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
    throw new Error('exit')
  })
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
  expect(() => readOptions({ ...spec, args: ['--fast', '--help'] })).toThrow('exit')
  expect(exit).toHaveBeenCalledWith(0)
  expect(write).toHaveBeenCalledWith('usage: bench [--runs N] [--fast]\n')
  expect(() => readOptions({ ...spec, args: ['--corpus', '--help'] })).toThrow(UsageError)
  expect(exit).toHaveBeenCalledTimes(1)
})
