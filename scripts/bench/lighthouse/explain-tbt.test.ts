// @vitest-environment node
import { expect, test } from 'vitest'
import {
  blockingTasks,
  profileSamples,
  taskLabel,
  topFunctions,
  type SimulatedTask,
} from './explain-tbt.ts'

const task = (start: number, end: number, events: SimulatedTask['events'] = []): SimulatedTask => ({
  start,
  end,
  observedAt: start / 4,
  events,
})

test("each task's share is its part after the first paint, less 50 ms, as Lighthouse counts it", () => {
  const tasks = [
    task(2000, 2120), // after interactive
    task(900, 1100), // 100 ms after the paint at 1000: 50 blocking
    task(1200, 1240), // under 50 ms
    task(1300, 1420), // 70 blocking
    task(100, 400), // before the paint
    task(1800, 2100), // cut at interactive (1900): 50 blocking
  ]
  expect(
    blockingTasks(tasks, 1000, 1900).map(({ task, blocking }) => [task.start, blocking]),
  ).toEqual([
    [900, 50],
    [1300, 70],
    [1800, 50],
  ])
})

test("a task's label is its longest kinds of event, with the script they ran", () => {
  const label = taskLabel(
    task(0, 100, [
      { name: 'Layout', ms: 30 },
      { name: 'FunctionCall', ms: 12, url: 'http://x/assets/client-a.js' },
      { name: 'FunctionCall', ms: 9, url: 'http://x/assets/client-a.js' },
      { name: 'Paint', ms: 0.4 },
    ]),
  )
  expect(label).toBe('Layout 30, FunctionCall:client-a.js 21')
})

test("the CPU profile's samples are read from the chunks of the main thread's profile", () => {
  const frame = (functionName: string, url = 'http://x/assets/index-a.js') => ({
    functionName,
    url,
    lineNumber: 0,
    columnNumber: 9,
  })
  // A chunk of profile `id`, written by a sampling thread (tid 5): its new nodes (ids from 1, a
  // hole for a node an earlier chunk gave), its samples and their time deltas.
  const chunk = (
    id: string,
    nodes: (ReturnType<typeof frame> | undefined)[],
    samples: number[],
    timeDeltas: number[],
  ) => ({
    name: 'ProfileChunk',
    pid: 1,
    tid: 5,
    id,
    args: {
      data: {
        cpuProfile: {
          nodes: nodes.flatMap((callFrame, i) => (callFrame ? [{ id: i + 1, callFrame }] : [])),
          samples,
        },
        timeDeltas,
      },
    },
  })
  const events = [
    // Another thread's profile, with the same id: not the main thread's.
    { name: 'Profile', pid: 1, tid: 9, id: '0x2', args: { data: { startTime: 0 } } },
    { name: 'Profile', pid: 1, tid: 1, id: '0x1', args: { data: { startTime: 1000 } } },
    chunk('0x1', [frame('(program)', ''), frame('render')], [2, 2, 1], [100, 1000, 1000]),
    // A node first named in a later chunk than its sample.
    chunk('0x1', [undefined, undefined, frame('search')], [3, 2], [3000, 1000]),
    chunk('0x2', [], [2], [5]),
  ]
  const samples = profileSamples(events, 1, 1)
  expect(samples.times).toEqual([1100, 2100, 3100, 6100, 7100])
  expect(samples.frames.map((f) => f?.functionName)).toEqual([
    'render',
    'render',
    '(program)',
    'search',
    'render',
  ])
  // Each sample counts until the next: render 1 + 1 ms, (program) 3 ms, search 1 ms; the last
  // sample, with no next, counts nothing. Samples outside the window are left out.
  expect(topFunctions(samples, 1000, 8000)).toBe(
    '(program) 3.0, render index-a.js:1:10 2.0, search index-a.js:1:10 1.0',
  )
  expect(topFunctions(samples, 3000, 8000)).toBe('(program) 3.0, search index-a.js:1:10 1.0')
})
